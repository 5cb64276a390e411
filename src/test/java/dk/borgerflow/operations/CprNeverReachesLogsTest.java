package dk.borgerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dk.borgerflow.BorgerflowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Logs personal data through the application's real logging setup (logback-spring.xml). */
@BorgerflowTest
@ExtendWith(OutputCaptureExtension.class)
class CprNeverReachesLogsTest {

    private static final String CPR = "010203-1234";
    private static final String CPR_DIGITS = "0102031234";
    private static final Logger log = LoggerFactory.getLogger(CprNeverReachesLogsTest.class);

    @Autowired
    TestRestTemplate http;

    @Test
    void masksCprInMessagesArgumentsAndExceptionsOnTheConsole(CapturedOutput output) {
        log.warn("Inquiry from citizen {} ({})", CPR, CPR_DIGITS,
                new IllegalStateException("validation failed for " + CPR_DIGITS,
                        new RuntimeException("cause mentions " + CPR)));

        assertThat(output.getAll())
                .contains("Inquiry from citizen XXXXXX-XXXX (XXXXXX-XXXX)")
                .contains("java.lang.IllegalStateException: validation failed for XXXXXX-XXXX")
                .contains("Caused by: java.lang.RuntimeException: cause mentions XXXXXX-XXXX")
                .doesNotContain(CPR).doesNotContain(CPR_DIGITS);
    }

    @Test
    void masksCprWrittenWithASpaceADotOrAnEnDashOnTheConsole(CapturedOutput output) {
        log.warn("Citizen wrote {}, {} and {}", "010203 1234", "010203.1234", "010203\u20131234",
                new IllegalArgumentException("summary holds 150575 \u2013 4321"));

        assertThat(output.getAll())
                .contains("Citizen wrote XXXXXX-XXXX, XXXXXX-XXXX and XXXXXX-XXXX")
                .contains("java.lang.IllegalArgumentException: summary holds XXXXXX-XXXX")
                .doesNotContain("010203 1234").doesNotContain("010203.1234").doesNotContain("010203\u20131234")
                .doesNotContain("150575");
    }

    @Test
    void masksCprInTheStackTraceOfAnUnexpectedErrorAndKeepsItOutOfTheResponse(CapturedOutput output) {
        var response = http.withBasicAuth("admin", "demo")
                .getForEntity(FaultInjectionController.PATH + "?cpr=" + CPR_DIGITS, String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain(CPR_DIGITS).doesNotContain("Exception")
                .doesNotContain("trace").doesNotContain("at dk.borgerflow");
        assertThat(output.getAll())
                .contains("Unexpected error")
                .contains("lookup failed for citizen XXXXXX-XXXX")
                .contains("no row for cpr XXXXXX-XXXX")
                .doesNotContain(CPR_DIGITS);
    }

    @Test
    void masksCprInTheLogFileToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("borgerflow.log");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("LOG_FILE", file.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
        try {
            context.getLogger("file-test").error("citizen {}", CPR, new IllegalStateException("cpr " + CPR_DIGITS));
        } finally {
            context.stop();
        }

        String written = Files.readString(file);
        assertThat(written).contains("citizen XXXXXX-XXXX").contains("IllegalStateException: cpr XXXXXX-XXXX")
                .doesNotContain(CPR).doesNotContain(CPR_DIGITS);
    }
}
