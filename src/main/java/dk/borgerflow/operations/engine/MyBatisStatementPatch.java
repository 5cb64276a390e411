package dk.borgerflow.operations.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * What the patches that replace Camunda's MyBatis statements share: they refuse an engine without the
 * statements and fragments they stand on (docs/upgrading.md), add their own mapper once, and map
 * Camunda's statement ids to theirs, only on the databases their SQL was written and tested for.
 */
final class MyBatisStatementPatch {

    static final Set<String> DATABASES = Set.of("h2", "postgres");

    private MyBatisStatementPatch() {
    }

    static void requireStatement(Configuration mybatis, String statement, Class<?> patch) {
        if (!mybatis.hasStatement(statement, false)) {
            throw new IllegalStateException("Camunda's MyBatis statement " + statement + " is gone; "
                    + patch.getSimpleName() + " must be checked against this engine version (docs/upgrading.md)");
        }
    }

    static void requireFragment(Configuration mybatis, String fragment, Class<?> patch) {
        if (!mybatis.getSqlFragments().containsKey(fragment)) {
            throw new IllegalStateException("Camunda's MyBatis fragment " + fragment + " is gone; "
                    + patch.getSimpleName() + " must be checked against this engine version (docs/upgrading.md)");
        }
    }

    /** Whether the engine's database is one the patches were written for. */
    static boolean appliesTo(ProcessEngineConfigurationImpl configuration) {
        return DATABASES.contains(configuration.getDbSqlSessionFactory().getDatabaseType());
    }

    /**
     * Adds {@code mapper} unless its statement {@code ours} is there already, then maps each of Camunda's
     * statement ids in {@code replacements} to ours.
     */
    static void replace(ProcessEngineConfigurationImpl configuration, String mapper, String ours,
            Map<String, String> replacements) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!mybatis.hasStatement(ours)) {
            try (InputStream xml = MyBatisStatementPatch.class.getClassLoader().getResourceAsStream(mapper)) {
                new XMLMapperBuilder(xml, mybatis, mapper, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
                : new HashMap<>(sessions.getStatementMappings());
        mappings.putAll(replacements);
        sessions.setStatementMappings(mappings);
    }
}
