package dk.borgerflow.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * V70 adds the stored answer of routing.dmn's personal-service decision to the inquiry and fills the
 * inquiries routed before it once, with the rule as the code had it (exempt, 75+, interpreter,
 * accessibility needs), so their guards hold as before.
 */
class PersonalServiceMigrationTest {

    @Test
    void inquiriesRoutedBeforeTheMigrationKeepTheRuleTheyWereRoutedUnder() throws Exception {
        String url = "jdbc:h2:mem:v70-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        migrate(url, lastVersionBefore70(url));
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("insert into municipality (slug, name, population, country, time_zone) "
                    + "values ('v70-town', 'Prøveby', 1000, 'DK', 'Europe/Copenhagen')");
            insert(sql, "able", false, 40, false, null);
            insert(sql, "aged-75", false, 75, false, null);
            insert(sql, "aged-74", false, 74, false, null);
            insert(sql, "exempt", true, null, false, null);
            insert(sql, "interpreter", false, 30, true, null);
            insert(sql, "blind", false, 30, false, "Blind");
            insert(sql, "blank-needs", false, 30, false, "   ");
        }

        migrate(url, "70");

        Map<String, Boolean> stored = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select id, needs_personal_service from inquiry")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getBoolean(2));
            }
        }
        assertThat(stored).containsOnly(Map.entry("able", false), Map.entry("aged-75", true),
                Map.entry("aged-74", false), Map.entry("exempt", true), Map.entry("interpreter", true),
                Map.entry("blind", true), Map.entry("blank-needs", false));
    }

    /** The schema as it was before V70, whatever others added below it. */
    private static String lastVersionBefore70(String url) {
        MigrationVersion v70 = MigrationVersion.fromVersion("70");
        return Arrays.stream(Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .table("borgerflow_schema_history").load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v.compareTo(v70) < 0)
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .table("borgerflow_schema_history").target(target).load().migrate();
    }

    private static void insert(Statement sql, String id, boolean exempt, Integer age, boolean interpreter,
            String accessibility) throws Exception {
        sql.execute("insert into inquiry (id, version, municipality, channel, topic, summary, received_at, "
                + "citizen_digitally_exempt, citizen_age, citizen_needs_interpreter, citizen_accessibility, tier, "
                + "status, handled_tasks, created_by, created_at) values ('" + id + "', 0, 'v70-town', 'WEB', "
                + "'moving', 'Flytning', current_timestamp, " + exempt + ", " + age + ", " + interpreter + ", "
                + (accessibility == null ? "null" : "'" + accessibility + "'")
                + ", 'CONTACT_CENTER', 'OPEN', 0, 'agent', current_timestamp)");
    }
}
