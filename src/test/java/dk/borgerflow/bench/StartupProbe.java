package dk.borgerflow.bench;

import dk.borgerflow.BorgerflowApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Started as a separate JVM by {@link BorgerflowBenchmark}: starts the full app ({@code full}) or the
 * bare Camunda twin ({@code bare}) on an H2 file database, prints {@value #READY} once the
 * application is ready (all ApplicationReadyEvent listeners done) and exits.
 */
public final class StartupProbe {

    static final String READY = "BENCH-STARTUP-READY";

    private StartupProbe() {
    }

    /** As command-line arguments: they win over application.yml (default properties would not). */
    static String[] args(Map<String, Object> props) {
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public static void main(String[] args) {
        String mode = args[0];
        String db = args[1];
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        props.put("server.port", "0");
        props.put("logging.level.root", "warn");
        props.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context;
        if ("full".equals(mode)) {
            context = new SpringApplicationBuilder(BorgerflowApplication.class).profiles("demo")
                    .run(args(props));
        } else {
            // no application.yml: a bare app has only what its starters bring
            props.put("spring.config.name", "bench-bare-none");
            props.put("spring.datasource.username", "sa");
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
