package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationConstants.*;
import static dk.borgerflow.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.borgerflow.BorgerflowTest;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** GDPR retention of consultation answers and their attachments, with the clock moved (ClockUtil). */
@BorgerflowTest
class AnswerRetentionTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ConsultationService consultations;
    @Autowired
    AnswerRetention retention;
    @Autowired
    NotatRenderer notat;
    @Autowired
    JdbcTemplate jdbc;

    final Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(10));

    @BeforeEach
    void bindAssertionsToTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetTheClockAndEndRunningConsultations() {
        ClockUtil.reset();
        cancelRunningConsultations(engine.getRuntimeService());
    }

    @Test
    void answersCommentsAndAnswerAttachmentsAreRemovedFiveYearsAfterTheDecisionAndTheRestStays() {
        at(start);
        ConsultationService.Prepared decidedFirst = answeredCommentedAndApproved();
        ConsultationService.Prepared stillDeciding = answeredAndCommented();
        at(start.atOffset(ZoneOffset.UTC).plus(Period.ofYears(1)).toInstant());
        ConsultationService.Prepared decidedLater = answeredCommentedAndApproved();

        at(start.atOffset(ZoneOffset.UTC).plus(Period.ofYears(5)).toInstant().plus(Duration.ofDays(1)));
        int removed = retention.run();

        assertThat(removed).isGreaterThanOrEqualTo(1);
        Consultation old = reload(decidedFirst);
        assertThat(old.status()).isEqualTo(ConsultationStatus.APPROVED);
        assertThat(consultee(old, USER_COUNCIL)).satisfies(c -> {
            assertThat(c.answerText()).isEqualTo(AnswerRetention.REMOVED);
            assertThat(c.answeredBy()).isNull();
            assertThat(c.adminComment()).isNull();
            assertThat(c.status()).isEqualTo(ConsulteeStatus.ANSWERED);
            assertThat(c.answeredAt()).isNotNull();
        });
        assertThat(consultee(old, SOCIAL_COMMITTEE).answerText()).isEqualTo(AnswerRetention.REMOVED);
        assertThat(consultations.attachments(old.id(), theSecretariatOfSlagelse()))
                .extracting(AttachmentInfo::filename).containsExactly("forslag.pdf");
        assertThat(consultations.auditLog(old.id(), theSecretariatOfSlagelse()))
                .noneMatch(a -> String.valueOf(a.detail()).contains("enig med brugerrådet"))
                .anyMatch(a -> a.action().equals("ANSWERS_REMOVED"));
        assertThat(notat.html(consultations.notat(old.id(), theSecretariatOfSlagelse())))
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(AnswerRetention.REMOVED, "UTF-8")).doesNotContain("Brugerrådet ønsker")
                .doesNotContain("Hanne Holm").contains(old.title());

        for (ConsultationService.Prepared kept : new ConsultationService.Prepared[] {decidedLater, stillDeciding}) {
            Consultation c = reload(kept);
            assertThat(consultee(c, USER_COUNCIL).answerText()).isEqualTo("Brugerrådet ønsker personlig hjælp bevaret.");
            assertThat(consultee(c, USER_COUNCIL).answeredBy()).isEqualTo("Formand Hanne Holm (svarlink)");
            assertThat(consultee(c, USER_COUNCIL).adminComment()).isEqualTo("Administrationen er enig med brugerrådet.");
            assertThat(consultations.attachments(c.id(), theSecretariatOfSlagelse())).hasSize(2);
        }

        assertThat(retention.run()).as("a second run finds nothing left").isZero();
        assertThat(consultations.auditLog(old.id(), theSecretariatOfSlagelse()))
                .filteredOn(a -> a.action().equals("ANSWERS_REMOVED")).hasSize(1);
    }

    // ---- fixtures and helpers ----

    /** Social committee (Tasklist) and user council (link, with a PDF) answer; the secretariat comments. */
    private ConsultationService.Prepared answeredAndCommented() {
        ConsultationService.Prepared prepared = consultations.prepare(aConsultationOfTheSocialCommitteeAndTheUserCouncil(),
                theSecretariatOfSlagelse());
        consultations.addAttachment(prepared.consultation().id(), "forslag.pdf", pdf("Forslaget"),
                theSecretariatOfSlagelse());
        Task social = task(branchOf(prepared, SOCIAL_COMMITTEE));
        claim(social, "committee-social-slagelse");
        complete(social, withVariables(VAR_REPLY_ACTION, "ANSWER", VAR_ANSWER, "Socialudvalget støtter forslaget."));
        consultations.answerByLink(prepared.tokensByConsulteeId().get(consultee(prepared.consultation(), USER_COUNCIL).id()),
                "Brugerrådet ønsker personlig hjælp bevaret.", "Formand Hanne Holm", "brugerraadet.pdf", pdf("Bilag"));
        consultations.comment(prepared.consultation().id(), consultee(prepared.consultation(), USER_COUNCIL).id(),
                "Administrationen er enig med brugerrådet.", theSecretariatOfSlagelse());
        return prepared;
    }

    private ConsultationService.Prepared answeredCommentedAndApproved() {
        ConsultationService.Prepared prepared = answeredAndCommented();
        ProcessInstance main = runtimeService().createProcessInstanceQuery()
                .processInstanceId(prepared.consultation().processInstanceId()).singleResult();
        Task compile = task(main);
        claim(compile, "secretariat-slagelse");
        complete(compile, withVariables(VAR_NOTAT_SUMMARY, "Svarene er gennemgået."));
        Task decide = task(main);
        claim(decide, "committee-finance-slagelse");
        complete(decide, withVariables(VAR_DECISION, "APPROVE"));
        assertThat(reload(prepared).status()).isEqualTo(ConsultationStatus.APPROVED);
        return prepared;
    }

    private byte[] pdf(String text) {
        return notat.pdf("<html><body><p>" + text + "</p></body></html>");
    }

    private Consultation reload(ConsultationService.Prepared prepared) {
        return consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse());
    }

    private ProcessInstance branchOf(ConsultationService.Prepared prepared, String consulteeName) {
        String branch = consultee(reload(prepared), consulteeName).branchProcessId();
        return runtimeService().createProcessInstanceQuery().processInstanceId(branch).singleResult();
    }

    private static Consultee consultee(Consultation consultation, String name) {
        return consultation.consultees().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
