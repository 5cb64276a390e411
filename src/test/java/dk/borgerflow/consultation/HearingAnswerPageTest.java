package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The external answer page over real HTTP, without login: the token is the only credential. */
@BorgerflowTest
class HearingAnswerPageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ConsultationService consultations;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @org.junit.jupiter.api.AfterEach
    void endRunningConsultations() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        cancelRunningConsultations(engine.getRuntimeService());
    }

    @Test
    void theLinkShowsTheProposalAndAnAnswerFormWithoutLogin() {
        String token = userCouncilTokenOf(prepare());

        ResponseEntity<String> page = http.getForEntity("/hearing/answer/" + token, String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("Kanalstrategi for socialområdet")
                .contains("&lt;b&gt;og&lt;/b&gt; færre fysiske ekspeditioner &amp; mere telefonbetjening")
                .contains("Det Sociale Brugerråd").contains("Svarfrist").contains("<textarea")
                .contains("method=\"post\"");
        assertThat(page.getHeaders().getCacheControl()).contains("no-store");
    }

    @Test
    void anAnswerIsStoredOnceForThatConsulteeOnlyAndCompletesItsBranch() {
        ConsultationService.Prepared prepared = prepare();
        String token = userCouncilTokenOf(prepared);

        ResponseEntity<String> answered = http.postForEntity("/hearing/answer/" + token,
                ConsultationApiTest.form("answer", "Vi støtter forslaget.", "signedBy", "Hanne Holm"), String.class);

        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).contains("Tak for jeres høringssvar");
        Consultation consultation = consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse());
        Consultee council = byName(consultation, USER_COUNCIL);
        assertThat(council.status()).isEqualTo(ConsulteeStatus.ANSWERED);
        assertThat(council.answerText()).isEqualTo("Vi støtter forslaget.");
        assertThat(council.late()).isFalse();
        assertThat(byName(consultation, SOCIAL_COMMITTEE).status()).isEqualTo(ConsulteeStatus.AWAITING);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(council.branchProcessId()).activityId("EndEvent_AnsweredOnline").count()).isOne();
        assertThat(BpmnAwareTests.runtimeService().createProcessInstanceQuery()
                .processInstanceId(council.branchProcessId()).count()).isZero();

        ResponseEntity<String> again = http.postForEntity("/hearing/answer/" + token,
                ConsultationApiTest.form("answer", "Vi har ombestemt os."), String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(again.getBody()).contains("allerede afgivet");
        assertThat(http.getForEntity("/hearing/answer/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(byName(consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse()), USER_COUNCIL)
                .answerText()).isEqualTo("Vi støtter forslaget.");
    }

    @Test
    void theBrowsersMultipartFormWithAPdfAttachmentIsAcceptedWithoutCsrfOrLogin() {
        ConsultationService.Prepared prepared = prepare();
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("answer", "Se vedlagte bilag.");
        parts.add("file", new org.springframework.core.io.ByteArrayResource(renderer.pdf(
                "<html><body><p>Brugerrådets bilag</p></body></html>")) {
            @Override
            public String getFilename() {
                return "brugerraadet.pdf";
            }
        });
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> answered = http.postForEntity("/hearing/answer/" + userCouncilTokenOf(prepared),
                new org.springframework.http.HttpEntity<>(parts, headers), String.class);

        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        var consultation = consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse());
        assertThat(consultations.attachments(consultation.id(), theSecretariatOfSlagelse()))
                .singleElement().satisfies(a -> {
                    assertThat(a.filename()).isEqualTo("brugerraadet.pdf");
                    assertThat(a.consulteeId()).isEqualTo(byName(consultation, USER_COUNCIL).id());
                });
    }

    @Autowired
    NotatRenderer renderer;

    @Test
    void twoOrganisationsAnsweringAtTheSameMomentAreBothStored() throws Exception {
        ConsultationService.Prepared prepared = consultations.prepare(new ConsultationRequest(SLAGELSE,
                "Samtidige svar", "Forslag.", aSvarfristInThreeWeeks(), null, java.util.List.of(
                        anExternalOrganisation("Ældrerådet", "aeldreraadet@example.dk"),
                        anExternalOrganisation(USER_COUNCIL, "brugerraadet@example.dk"))),
                theSecretariatOfSlagelse());
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var answers = prepared.tokensByConsulteeId().values().stream().map(token -> pool.submit(() -> {
                start.await();
                return http.postForEntity("/hearing/answer/" + token, ConsultationApiTest.form("answer", "Samtidigt svar"),
                        String.class).getStatusCode();
            })).toList();
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(HttpStatus.OK);
            }
        } finally {
            pool.shutdown();
        }
        Consultation both = consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse());
        assertThat(both.consultees()).allSatisfy(c -> assertThat(c.status()).isEqualTo(ConsulteeStatus.ANSWERED));
        assertThat(both.status()).isEqualTo(ConsultationStatus.COMPILING);
    }

    @Test
    void aWrongOrMalformedTokenIsA404AndRevealsNothing() {
        String token = userCouncilTokenOf(prepare());
        String wrong = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        for (String bad : new String[] {wrong, "abc", "not-a-token-at-all", token + "x", token.substring(1)}) {
            ResponseEntity<String> page = http.getForEntity("/hearing/answer/" + bad, String.class);
            assertThat(page.getStatusCode()).as(bad).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(page.getBody()).as(bad).doesNotContain("Kanalstrategi");
        }
        ResponseEntity<String> post = http.postForEntity("/hearing/answer/" + wrong,
                ConsultationApiTest.form("answer", "Forfalsket svar"), String.class);
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anEmptyAnswerIsRefusedAndTheLinkStaysUsable() {
        ConsultationService.Prepared prepared = prepare();
        String token = userCouncilTokenOf(prepared);

        ResponseEntity<String> empty = http.postForEntity("/hearing/answer/" + token,
                ConsultationApiTest.form("answer", "   "), String.class);

        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody()).contains("Skriv jeres høringssvar");
        assertThat(byName(consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse()), USER_COUNCIL)
                .status()).isEqualTo(ConsulteeStatus.AWAITING);
        assertThat(http.getForEntity("/hearing/answer/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aReissuedLinkReplacesTheOldOne() {
        ConsultationService.Prepared prepared = prepare();
        String old = userCouncilTokenOf(prepared);
        String councilId = byName(prepared.consultation(), USER_COUNCIL).id();

        String fresh = consultations.issueAnswerLink(prepared.consultation().id(), councilId, theSecretariatOfSlagelse());

        assertThat(http.getForEntity("/hearing/answer/" + old, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/hearing/answer/" + fresh, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theLinkIsGoneOnceTheNotatIsCompiled() {
        ConsultationService.Prepared prepared = prepare();
        String token = userCouncilTokenOf(prepared);
        var main = BpmnAwareTests.runtimeService().createProcessInstanceQuery()
                .processInstanceId(prepared.consultation().processInstanceId()).singleResult();
        for (var branch : BpmnAwareTests.runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(main.getId()).list()) {
            var deadline = BpmnAwareTests.job(ConsultationConstants.TIMER_DEADLINE, branch);
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(
                    deadline.getDuedate().getTime() + 60_000));
            BpmnAwareTests.execute(deadline);
        }
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        var compile = BpmnAwareTests.task(main);
        BpmnAwareTests.complete(compile, BpmnAwareTests.withVariables("notatSummary", "Ingen svar."));

        ResponseEntity<String> page = http.getForEntity("/hearing/answer/" + token, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(page.getBody()).contains("Høringen er afsluttet");
    }

    private ConsultationService.Prepared prepare() {
        return consultations.prepare(aConsultationOfTheSocialCommitteeAndTheUserCouncil(), theSecretariatOfSlagelse());
    }

    private static String userCouncilTokenOf(ConsultationService.Prepared prepared) {
        return prepared.tokensByConsulteeId().get(byName(prepared.consultation(), USER_COUNCIL).id());
    }

    private static Consultee byName(Consultation consultation, String name) {
        return consultation.consultees().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
