package dk.borgerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.FuzzTarget;
import dk.borgerflow.testsupport.HostileInputHarness;
import dk.borgerflow.testsupport.HostileRequests;
import dk.borgerflow.testsupport.HostileRequests.HostileRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * Property-based fuzzing (jqwik) of our write endpoints with hostile input: at least 1,000 generated
 * requests per endpoint, each checked by {@link HostileInputHarness} (never a 5xx, 4xx always
 * problem+json, a refused request writes no row and starts no process). Runs on jqwik's engine, so
 * it takes the shared Spring context of {@link BorgerflowTest} from Spring's test context cache
 * itself. Another endpoint: one {@link FuzzTarget} and one property calling {@link #fuzz}.
 */
@BorgerflowTest
class HostileInputFuzzTest {

    static final FuzzTarget INQUIRIES = new FuzzTarget("POST /api/inquiries", "/api/inquiries", "agent-slagelse",
            """
            {"municipality":"slagelse","channel":"PHONE","topic":"housing-benefit","summary":"Spørger til boligstøtte",
             "receivedAt":"2026-11-20T09:15:00+01:00",
             "citizen":{"cpr":"010180-1234","name":"Mette Jensen","phone":"+45 20304050","email":"mette@example.dk",
                        "digitallyExempt":false,"age":45,"needsInterpreter":false,"language":"da",
                        "accessibilityNeeds":"kørestol"}}""",
            Map.of("inquiry rows", "select count(*) from inquiry",
                    "history rows", "select count(*) from inquiry_history",
                    "process instances", FuzzTarget.PROCESS_INSTANCES_EVER_STARTED));

    static final FuzzTarget CONSULTATIONS = new FuzzTarget("POST /api/consultations", "/api/consultations",
            "secretariat-slagelse",
            """
            {"municipality":"slagelse","title":"Service- og kanalstrategi 2027",
             "proposal":"Borgerservice og kontaktcenter samles, telefontiden udvides.",
             "deadline":"%s","decidingGroup":"committee-finance",
             "consultees":[
               {"name":"Socialudvalget","role":"ANSWER","group":"committee-social"},
               {"name":"Det Sociale Brugerråd","role":"ANSWER","email":"brugerraadet@example.dk"},
               {"name":"HSU","role":"INFORM","group":"hsu"}]}""".formatted(LocalDate.now().plusWeeks(3)),
            Map.of("consultation rows", "select count(*) from consultation",
                    "consultation processes", "select count(*) from act_hi_procinst where proc_def_key_ = 'consultation'"));

    static HostileInputHarness harness;
    static RuntimeService runtime;

    @BeforeContainer
    static void theSharedApplication() throws Exception {
        ApplicationContext context = new TestContextManager(HostileInputFuzzTest.class).getTestContext()
                .getApplicationContext();
        String port = Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port"));
        harness = new HostileInputHarness("http://127.0.0.1:" + port, context.getBean(JdbcTemplate.class));
        runtime = context.getBean(RuntimeService.class);
    }

    /** Accepted consultations would keep reminder timers in the shared engine that other tests fire. */
    @AfterContainer
    static void endTheConsultationsThatWereAccepted() {
        runtime.createProcessInstanceQuery().processDefinitionKey("consultation").list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "Fuzz test finished"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void hostileInquiriesNeverCauseA5xxAndRefusedOnesWriteNothing(@ForAll("inquiries") HostileRequest request)
            throws Exception {
        fuzz(INQUIRIES, request);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void hostileConsultationsNeverCauseA5xxAndRefusedOnesWriteNothing(@ForAll("consultations") HostileRequest request)
            throws Exception {
        fuzz(CONSULTATIONS, request);
    }

    /** H2 stores NUL characters, PostgreSQL refuses them (a 500 in production): refused before either. */
    @Example
    void aNulCharacterInATextFieldIsA400NamingTheField() throws Exception {
        String withNul = INQUIRIES.validBody().replace("Spørger til boligstøtte", "Spørger til\\u0000boligstøtte");
        int status = harness.check(INQUIRIES, new HostileRequest("NUL in summary",
                withNul.getBytes(StandardCharsets.UTF_8), "application/json", Map.of(), false));
        assertThat(status).isEqualTo(400);
    }

    @Provide
    Arbitrary<HostileRequest> inquiries() {
        return HostileRequests.against(INQUIRIES.validBody());
    }

    @Provide
    Arbitrary<HostileRequest> consultations() {
        return HostileRequests.against(CONSULTATIONS.validBody());
    }

    private static void fuzz(FuzzTarget target, HostileRequest request) throws Exception {
        int status = harness.check(target, request);
        Statistics.label(target.name()).collect(status);
    }
}
