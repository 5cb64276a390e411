package dk.borgerflow.bench;

import dk.borgerflow.BorgerflowApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Started as a separate JVM by {@link BorgerflowBenchmark} with arguments mode, JDBC URL, user and
 * password: starts the full app ({@code full}) or the bare Camunda twin ({@code bare}) on that
 * database (an H2 file or PostgreSQL), prints {@value #READY} once the application is ready (all
 * ApplicationReadyEvent listeners done) and exits.
 */
public final class StartupProbe {

    static final String READY = "BENCH-STARTUP-READY";

    private StartupProbe() {
    }

    /** As command-line arguments: they win over application.yml (default properties would not). */
    static String[] args(Map<String, Object> props) {
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The full app's profiles: on PostgreSQL the production profile too, with the demo data. */
    static String[] profiles(String url) {
        return isPostgres(url) ? new String[] {"demo", "postgres"} : new String[] {"demo"};
    }

    /** The full app's datasource; on PostgreSQL also what lets the demo profile run with production's. */
    static Map<String, Object> appDatabase(String url, String user, String password) {
        Map<String, Object> props = datasource(url, user, password);
        if (isPostgres(url)) {
            // ProductionSafetyCheck refuses demo users next to a production profile unless told otherwise
            props.put("borgerflow.production.require-strong-admin-password", "false");
            props.put("borgerflow.admin.password", "bench-" + UUID.randomUUID());
            // production's password policy would refuse the demo users' password "demo"
            props.put("camunda.bpm.generic-properties.properties.enable-password-policy", "false");
        }
        return props;
    }

    /** The bare twin's datasource: it creates its schema itself on either database. */
    static Map<String, Object> bareDatabase(String url, String user, String password) {
        Map<String, Object> props = datasource(url, user, password);
        if (isPostgres(url)) {
            props.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
            props.put("camunda.bpm.database.type", "postgres");
        }
        props.put("camunda.bpm.database.schema-update", "true");
        return props;
    }

    static Map<String, Object> datasource(String url, String user, String password) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        return props;
    }

    public static void main(String[] args) {
        String mode = args[0];
        String url = args[1];
        boolean full = "full".equals(mode);
        Map<String, Object> props = full ? appDatabase(url, args[2], args[3]) : bareDatabase(url, args[2], args[3]);
        props.put("server.port", "0");
        props.put("logging.level.root", "warn");
        props.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context;
        if (full) {
            context = new SpringApplicationBuilder(BorgerflowApplication.class).profiles(profiles(url))
                    .run(args(props));
        } else {
            // no application.yml: a bare app has only what its starters bring
            props.put("spring.config.name", "bench-bare-none");
            props.put("camunda.bpm.generic-properties.properties.history-time-to-live", "P180D");
            props.put("camunda.bpm.auto-deployment-enabled", "false");
            props.put("springdoc.api-docs.enabled", "false");
            props.put("springdoc.swagger-ui.enabled", "false");
            context = new SpringApplicationBuilder(BareCamundaApplication.class).run(args(props));
        }
        System.out.println(READY);
        System.out.flush();
        context.close();
        System.exit(0);
    }
}
