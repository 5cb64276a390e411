package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.deadline.DeadlineService;
import dk.borgerflow.municipality.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deadlines in business time on the ladder, with the engine's clock moved by the test. */
@BorgerflowTest
class DeadlineProcessTest {

    /** Wednesday before Christmas, 16:30 in Slagelse: 24 Dec is a closing day, 25-27 Dec holidays/weekend. */
    static final Instant WEDNESDAY_BEFORE_CHRISTMAS = Instant.parse("2026-12-23T15:30:00Z");

    @Autowired
    ProcessEngine engine;
    @Autowired
    InquiryService inquiries;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void startTheClockBeforeChristmas() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(WEDNESDAY_BEFORE_CHRISTMAS));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void anInquiryJustBeforeTheChristmasClosingGetsItsDeadlineInWorkingTime() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());

        // P2D in the contact center: the same clock time on the second working day (Mon 28, Tue 29 Dec)
        assertThat(inquiry.dueAt()).isEqualTo(Instant.parse("2026-12-29T15:30:00Z"));
        // 75 % of the 20 opening hours between: 1.5 h Wed + 10 h Mon + 3.5 h Tue → Tue 11:30 CET
        assertThat(inquiry.warnAt()).isEqualTo(Instant.parse("2026-12-29T10:30:00Z"));
        Task task = taskOf(inquiry);
        assertThat(task.getDueDate().toInstant()).isEqualTo(inquiry.dueAt());
        assertThat(task.getFollowUpDate().toInstant()).isEqualTo(inquiry.warnAt());
    }

    @Test
    void theTaskShowsInTheDeadlineFiltersAsTimePassesAndEscalatesExactlyOnce() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
        assertThat(countIn(DeadlineFilters.SOON_OVERDUE, inquiry, "agent-slagelse")).isZero();

        moveClockTo(Instant.parse("2026-12-29T11:00:00Z")); // past the warning, before the deadline
        fireDueJobs(inquiry);
        assertThat(countIn(DeadlineFilters.SOON_OVERDUE, inquiry, "agent-slagelse")).isEqualTo(1);
        assertThat(countIn(DeadlineFilters.DUE_TODAY, inquiry, "agent-slagelse")).isEqualTo(1);
        assertThat(countIn(DeadlineFilters.OVERDUE, inquiry, "agent-slagelse")).isZero();
        assertThat(countIn(DeadlineFilters.SOON_OVERDUE, inquiry, "agent-roskilde")).isZero();
        assertThat(tasks.getIdentityLinksForTask(taskOf(inquiry).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("team-lead"));
        assertThat(reload(inquiry).history()).last().extracting(HistoryEntry::reason).asString()
                .startsWith("Advarsel");

        moveClockTo(Instant.parse("2026-12-29T16:00:00Z")); // past the deadline
        fireDueJobs(inquiry);

        Inquiry escalated = reload(inquiry);
        assertThat(escalated.escalations()).singleElement().satisfies(e -> {
            assertThat(e.fromTier()).isEqualTo(Tier.CONTACT_CENTER);
            assertThat(e.toTier()).isEqualTo("DESK");
        });
        assertThat(escalated.tier()).isEqualTo(Tier.DESK);
        assertThat(escalated.dueAt()).isAfter(clock());
        BpmnAwareTests.assertThat(processOf(inquiry)).isWaitingAt(ProcessConstants.TASK_HANDLE_AT_DESK);
        assertThat(countIn(DeadlineFilters.ESCALATED, inquiry, "desk-slagelse")).isEqualTo(1);
        assertThat(taskOf(inquiry).getPriority()).isEqualTo(80);
    }

    @Test
    void dueTodayCountsDaysOnTheMunicipalitysClockNotTheServers() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit()); // due Tue 29 Dec 16:30 CET

        moveClockTo(Instant.parse("2026-12-28T23:30:00Z")); // Tue 00:30 in Slagelse, still Monday in UTC
        assertThat(countIn(DeadlineFilters.DUE_TODAY, inquiry, "agent-slagelse")).isEqualTo(1);

        moveClockTo(Instant.parse("2026-12-29T23:30:00Z")); // Wed 00:30 in Slagelse, still Tuesday in UTC
        assertThat(countIn(DeadlineFilters.DUE_TODAY, inquiry, "agent-slagelse")).isZero();
    }

    @Test
    void aHandoffWithinTheTierKeepsTheDeadline() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
        Task first = taskOf(inquiry);
        tasks.deleteCandidateGroup(first.getId(), "cc-general");
        tasks.addCandidateGroup(first.getId(), "cc-family");
        tasks.claim(first.getId(), "agent-slagelse");
        tasks.complete(first.getId(), Map.of("outcome", "CALLBACK", "note", "Ringer tilbage"));

        Task callback = taskOf(inquiry);
        assertThat(callback.getTaskDefinitionKey()).isEqualTo(ProcessConstants.TASK_CALL_CITIZEN_BACK);
        assertThat(callback.getDueDate()).isEqualTo(first.getDueDate());
        assertThat(reload(inquiry).dueAt()).isEqualTo(inquiry.dueAt());
    }

    @Test
    void theClockPausesWhileTheInquiryWaitsForTheCitizenAndResumesAfter() {
        Inquiry inquiry = receive(aWalkInAboutPassport());
        Instant due = inquiry.dueAt();
        Task desk = taskOf(inquiry);
        tasks.claim(desk.getId(), "desk-slagelse");
        moveClockTo(Instant.parse("2026-12-28T09:00:00Z")); // Monday 10:00, desk opens
        tasks.complete(desk.getId(), Map.of("outcome", "AWAIT_CITIZEN", "note", "Mangler dåbsattest"));
        assertThat(reload(inquiry).deadlinePausedAt()).isEqualTo(clock());
        BpmnAwareTests.assertThat(processOf(inquiry)).isWaitingAt(ProcessConstants.WAIT_FOR_CITIZEN_REPLY);

        moveClockTo(Instant.parse("2026-12-30T13:00:00Z")); // Wednesday 14:00: the citizen replies
        inquiries.citizenReplied(inquiry.id(), "Dåbsattest vedlagt", anAgentOfSlagelse());

        Inquiry resumed = reload(inquiry);
        Instant expected = deadlines.resume("slagelse", Tier.DESK, due, Instant.parse("2026-12-28T09:00:00Z"),
                Instant.parse("2026-12-30T13:00:00Z"));
        assertThat(resumed.deadlinePausedAt()).isNull();
        assertThat(resumed.dueAt()).isEqualTo(expected).isAfter(due);
        Task again = taskOf(inquiry);
        assertThat(again.getTaskDefinitionKey()).isEqualTo(ProcessConstants.TASK_HANDLE_AT_DESK);
        assertThat(again.getDueDate().toInstant()).isEqualTo(expected);
    }

    @Test
    void aBreachAtTheSpecialistGoesToTheTeamLeadWhoCanHandItBack() {
        Inquiry inquiry = receive(aLetterApplyingForDisabilityAid());
        moveClockTo(reload(inquiry).dueAt().plus(Duration.ofMinutes(1)));
        fireDueJobs(inquiry);

        Inquiry escalated = reload(inquiry);
        assertThat(escalated.escalations()).singleElement()
                .satisfies(e -> assertThat(e.toTier()).isEqualTo("TEAM_LEAD"));
        Task followUp = taskOf(inquiry);
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo(ProcessConstants.TASK_FOLLOW_UP_AS_TEAM_LEAD);
        BpmnAwareTests.assertThat(followUp).hasCandidateGroup("team-lead");

        tasks.claim(followUp.getId(), "teamlead-slagelse");
        tasks.complete(followUp.getId(), Map.of("outcome", "SPECIALIST", "note", "Aftalt svar inden fredag"));
        assertThat(taskOf(inquiry).getTaskDefinitionKey()).isEqualTo(ProcessConstants.TASK_HANDLE_BY_SPECIALIST);
        assertThat(reload(inquiry).dueAt()).isAfter(clock());
        assertThat(reload(inquiry).escalations()).hasSize(1);
    }

    private Inquiry receive(InquiryRequest request) {
        return inquiries.receive(request, null, anAgentOfSlagelse()).inquiry();
    }

    private Inquiry reload(Inquiry inquiry) {
        return inquiries.get(inquiry.id(), anAgentOfSlagelse());
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance processOf(Inquiry inquiry) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(inquiry.processInstanceId()).singleResult();
    }

    private Task taskOf(Inquiry inquiry) {
        return tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
    }

    /** How many of the inquiry's tasks the user sees in the named Tasklist filter. */
    private long countIn(String filterName, Inquiry inquiry, String userId) {
        String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        actAs(userId);
        try {
            return filters.list(filterId, tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()))
                    .size();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void actAs(String userId) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId())
                .toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).list().stream().map(t -> t.getId())
                .toList();
        identity.setAuthentication(userId, groups, tenants);
    }

    /**
     * Executes the inquiry's due jobs one by one (a breach cancels its sibling warning timer), as the job
     * executor would. Only this inquiry's: the tests share one engine, and other classes' open inquiries
     * come due too when the clock moves.
     */
    private void fireDueJobs(Inquiry inquiry) {
        for (int i = 0; i < 50; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(inquiry.processInstanceId())
                    .duedateLowerThan(Date.from(clock().plusSeconds(1))).listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming due: an escalation loop?");
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private static Instant clock() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
