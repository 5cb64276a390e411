package dk.borgerflow.demo;

import static dk.borgerflow.demo.DemoTexts.pick;

import dk.borgerflow.deadline.WorkingTime;
import dk.borgerflow.demo.DemoStories.Intent;
import dk.borgerflow.demo.DemoStories.Step;
import dk.borgerflow.demo.DemoStories.Story;
import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.Inquiry;
import dk.borgerflow.inquiry.InquiryRequest;
import dk.borgerflow.inquiry.InquiryService;
import dk.borgerflow.inquiry.InquiryStatus;
import dk.borgerflow.inquiry.Outcome;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import dk.borgerflow.selfservice.SelfServiceCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the demo's script through Borgerflow's own services, as the people would have, with the
 * engine's clock moved to each moment of the past weeks in turn: the agent registers an inquiry
 * ({@link InquiryService#receive}, with {@code receivedAt}), staff claim and complete their tasks in
 * the engine with the form's variables, citizens reply or ask for help ({@link InquiryService}). Between
 * two moments every timer that fell due in between fires at its due time
 * ({@link ManagementService#executeJob}, the job executor's own step), so warnings, escalations,
 * self-service quiet periods and consultation reminders happen when they would have.
 * <p>
 * Single-threaded and not thread-safe; the clock is the engine's global one, so nothing else may use
 * the engine while it runs (DemoCenterSeed runs it before the application accepts traffic and before
 * the job executor starts).
 */
final class CenterSimulation {

    private static final Logger log = LoggerFactory.getLogger(CenterSimulation.class);
    /** Who reads the rows to decide the next step (reads only; every change is made as the person who makes it). */
    private static final CurrentUser READER = new CurrentUser("admin", Set.of(Groups.ADMIN), Set.of());
    private static final int MAX_JOBS = 20_000;

    private record Event(Instant at, long seq, String what, Runnable action) {
    }

    private final InquiryService inquiries;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final WorkingTime workingTime;
    private final SelfServiceCatalogue selfService;
    private final Instant end;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            java.util.Comparator.comparing(Event::at).thenComparingLong(Event::seq));
    private final Map<String, CurrentUser> users = new HashMap<>();
    private final Map<Integer, String> inquiryIds = new LinkedHashMap<>();
    private final Set<String> failedJobs = new HashSet<>();
    private long seq;
    private Instant clock;
    private int jobsFired;
    private int failures;
    private int registered;
    private int toRegister;

    CenterSimulation(InquiryService inquiries, TaskService tasks, ManagementService management, IdentityService identity,
            WorkingTime workingTime, SelfServiceCatalogue selfService, Instant end) {
        this.inquiries = inquiries;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.workingTime = workingTime;
        this.selfService = selfService;
        this.end = end;
    }

    // ---- the clock and the agenda ----

    /** Something that happens at {@code when}; nothing is played after the end (that is the future). */
    void at(Instant when, String what, Runnable action) {
        if (when.isAfter(end)) {
            return;
        }
        queue.add(new Event(clock != null && when.isBefore(clock) ? clock : when, seq++, what, action));
    }

    Instant clock() {
        return clock;
    }

    /** Plays everything up to the end, then leaves the engine's clock at the real time again. */
    void run() {
        try {
            Event event;
            while ((event = queue.poll()) != null) {
                fireDueTimers(event.at());
                setClock(event.at());
                try {
                    event.action().run();
                } catch (RuntimeException e) {
                    failures++;
                    log.warn("Demo seed: {} at {} failed: {}", event.what(), event.at(), e.toString());
                } finally {
                    identity.clearAuthentication();
                }
            }
            fireDueTimers(end);
        } finally {
            identity.clearAuthentication();
            ClockUtil.reset();
        }
    }

    private void setClock(Instant at) {
        clock = clock == null || at.isAfter(clock) ? at : clock;
        ClockUtil.setCurrentTime(Date.from(clock));
    }

    /** Executes the process timers due up to {@code until}, each with the clock at its due date, earliest first. */
    private void fireDueTimers(Instant until) {
        Date limit = Date.from(until.plusMillis(1));
        for (int i = 0; i < MAX_JOBS; i++) {
            Job job = management.createJobQuery().timers().active().withRetriesLeft().duedateLowerThan(limit)
                    .orderByJobDuedate().asc().listPage(0, failedJobs.size() + 1).stream()
                    .filter(j -> j.getProcessInstanceId() != null && !failedJobs.contains(j.getId()))
                    .findFirst().orElse(null);
            if (job == null) {
                return;
            }
            setClock(job.getDuedate().toInstant());
            try {
                management.executeJob(job.getId());
                jobsFired++;
            } catch (RuntimeException e) {
                failedJobs.add(job.getId());
                failures++;
                log.warn("Demo seed: timer job {} of process instance {} failed: {}", job.getId(),
                        job.getProcessInstanceId(), e.toString());
            }
        }
        throw new IllegalStateException("Demo seed: more than " + MAX_JOBS + " timers fell due; an escalation loop?");
    }

    // ---- acting as the people of the demo ----

    /** The demo user as Borgerflow's API sees them (groups, municipalities). */
    CurrentUser user(String userId) {
        return users.computeIfAbsent(userId, id -> {
            Set<String> groups = new HashSet<>();
            identity.createGroupQuery().groupMember(id).list().forEach((Group g) -> groups.add(g.getId()));
            Set<String> tenants = new HashSet<>();
            identity.createTenantQuery().userMember(id).includingGroupsOfUser(true).list()
                    .forEach((Tenant t) -> tenants.add(t.getId()));
            if (groups.isEmpty()) {
                throw new IllegalStateException("Demo user " + id + " does not exist");
            }
            return new CurrentUser(id, groups, tenants);
        });
    }

    /** Runs engine calls as the user logged in to Tasklist would: authorizations and tenant checks apply. */
    <T> T as(String userId, Supplier<T> work) {
        CurrentUser user = user(userId);
        identity.setAuthentication(userId, new ArrayList<>(user.groups()), new ArrayList<>(user.tenantIds()));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Claims the single open task of a process instance as the user, and completes it {@code handling}
     * later with the form's variables. If the task is gone by then (a deadline passed while the person
     * worked on it, and the engine escalated), {@code ifGone} runs instead.
     */
    void work(String userId, String processInstanceId, Duration handling, String what,
            Supplier<Map<String, Object>> form, Runnable afterwards, Runnable ifGone) {
        Task task = as(userId, () -> tasks.createTaskQuery().processInstanceId(processInstanceId).active()
                .singleResult());
        if (task == null) {
            throw new IllegalStateException("no task for " + userId + " in process instance " + processInstanceId);
        }
        as(userId, () -> {
            tasks.claim(task.getId(), userId);
            return null;
        });
        at(clock.plus(handling), what, () -> {
            if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
                ifGone.run();
                return;
            }
            as(userId, () -> {
                tasks.complete(task.getId(), form.get());
                return null;
            });
            afterwards.run();
        });
    }

    // ---- inquiries ----

    void play(Story story) {
        toRegister++;
        at(story.registeredAt(), "inquiry " + story.number(), () -> register(story));
    }

    private void register(Story s) {
        InquiryRequest request = new InquiryRequest(s.municipality(), s.channel(), s.topic(), s.summary(),
                s.receivedAt().atOffset(ZoneOffset.UTC), s.citizen());
        Inquiry inquiry = inquiries.receive(request, null, user("agent-" + s.municipality())).inquiry();
        inquiryIds.put(s.number(), inquiry.id());
        registered++;
        if (toRegister >= 10 && registered % (toRegister / 10) == 0) {
            log.info("Demo seed: {} of {} inquiries registered (simulated clock {})", registered, toRegister, clock);
        }
        next(asRouted(s, inquiry), inquiry.id(), 0, inquiry.tier());
    }

    /**
     * A web inquiry the story left to self-service, for a citizen routing.dmn says needs personal
     * service (stored on the inquiry), entered at the contact center instead: the agent answers it.
     */
    static Story asRouted(Story s, Inquiry inquiry) {
        boolean leftToSelfService = s.steps().isEmpty() || s.steps().get(0).intent() == Intent.NEEDS_HELP;
        if (s.channel() != Channel.WEB || !leftToSelfService || inquiry.tier() == Tier.SELF_SERVICE
                || !inquiry.needsPersonalService()) {
            return s;
        }
        return new Story(s.number(), s.municipality(), s.swedish(), s.channel(), s.topic(), s.summary(), s.citizen(),
                s.receivedAt(), s.registeredAt(), List.of(new Step(Intent.RESOLVE,
                        Duration.ofMinutes(40 + s.number() % 300), Duration.ofMinutes(5 + s.number() % 12))));
    }

    private void next(Story s, String id, int index, Tier tier) {
        if (index >= s.steps().size()) {
            return;
        }
        Step step = s.steps().get(index);
        Instant when = workingTime.plus(s.municipality(), tier, clock, step.after());
        at(when, "inquiry " + s.number() + " step " + (index + 1) + " (" + step.intent() + ")",
                () -> step(s, id, index));
    }

    private void step(Story s, String id, int index) {
        Inquiry inquiry = inquiries.get(id, READER);
        Step step = s.steps().get(index);
        DemoTexts.Common common = s.swedish() ? DemoTexts.SWEDISH_COMMON : DemoTexts.DANISH_COMMON;
        Random random = new Random(31L * s.number() + index);
        switch (step.intent()) {
            case CITIZEN_REPLIES -> {
                if (inquiry.status() != InquiryStatus.OPEN || inquiry.deadlinePausedAt() == null) {
                    return; // the wait ran out first: the deadline already runs again
                }
                Inquiry resumed = inquiries.citizenReplied(id, pick(random, common.citizenReplied()),
                        user(actorFor(inquiry)));
                next(s, id, index + 1, resumed.tier());
            }
            case NEEDS_HELP -> {
                if (inquiry.status() != InquiryStatus.RESOLVED || inquiry.tier() != Tier.SELF_SERVICE) {
                    return;
                }
                Inquiry reopened = inquiries.requestHelp(id, pick(random, common.needsHelp()),
                        user("agent-" + s.municipality()));
                next(s, id, index + 1, reopened.tier());
            }
            default -> {
                if (inquiry.status() != InquiryStatus.OPEN || inquiry.deadlinePausedAt() != null) {
                    return; // answered or waiting for the citizen: nothing for staff to do
                }
                String what = "inquiry " + s.number() + " step " + (index + 1) + " (" + step.intent() + ") done";
                work(actorFor(inquiry), inquiry.processInstanceId(), step.handling(), what,
                        () -> form(s, index, inquiries.get(id, READER)),
                        () -> next(s, id, index + 1, inquiries.get(id, READER).tier()),
                        () -> at(clock.plusSeconds(60), what, () -> step(s, id, index)));
            }
        }
    }

    /** Who works the inquiry's task: the demo user of its municipality in the task's group. */
    static String actorFor(Inquiry inquiry) {
        String group = inquiry.candidateGroup();
        String m = inquiry.municipality();
        if (Groups.DESK.equals(group)) {
            return "desk-" + m;
        }
        if (Groups.TEAM_LEAD.equals(group)) {
            return "teamlead-" + m;
        }
        if (group != null && group.startsWith(Groups.SPECIALIST_PREFIX)) {
            return "specialist-" + m;
        }
        return "agent-" + m;
    }

    /**
     * The form's variables for the step's intent at the tier the inquiry is at now (an escalation may
     * have moved it since the story was written): outcome, note, and the answer to the citizen where
     * the form asks for one.
     */
    private Map<String, Object> form(Story s, int index, Inquiry inquiry) {
        Intent intent = s.steps().get(index).intent();
        Random random = new Random(17L * s.number() + index);
        DemoTexts.Common common = s.swedish() ? DemoTexts.SWEDISH_COMMON : DemoTexts.DANISH_COMMON;
        DemoTexts.TopicTexts topic = (s.swedish() ? DemoTexts.SWEDISH : DemoTexts.DANISH).get(s.topic());
        boolean teamLead = Groups.TEAM_LEAD.equals(inquiry.candidateGroup());
        Outcome outcome;
        String note;
        boolean answer = false;
        switch (inquiry.tier()) {
            case CONTACT_CENTER -> {
                boolean calledBack = inquiry.outcome() == Outcome.CALLBACK;
                switch (intent) {
                    case TO_DESK -> {
                        outcome = Outcome.DESK;
                        note = pick(random, common.toDesk());
                    }
                    case TO_SPECIALIST -> {
                        outcome = Outcome.SPECIALIST;
                        note = pick(random, common.toSpecialist());
                    }
                    case CALL_BACK, AWAIT_CITIZEN -> {
                        outcome = calledBack ? Outcome.RESOLVED : Outcome.CALLBACK;
                        note = pick(random, calledBack ? common.calledBack() : common.callBack());
                    }
                    case GUIDE -> {
                        boolean possible = !inquiry.needsPersonalService()
                                && selfService.linkFor(inquiry.municipality(), inquiry.topic()).isPresent();
                        outcome = possible ? Outcome.SELF_SERVICE : Outcome.RESOLVED;
                        note = pick(random, possible ? common.guide() : topic.contactCenterNotes());
                    }
                    default -> {
                        outcome = Outcome.RESOLVED;
                        note = pick(random, calledBack ? common.calledBack()
                                : random.nextBoolean() ? topic.contactCenterNotes() : common.resolvedAtContactCenter());
                    }
                }
            }
            case DESK -> {
                switch (intent) {
                    case TO_SPECIALIST -> {
                        outcome = Outcome.SPECIALIST;
                        note = pick(random, common.toSpecialist());
                    }
                    case AWAIT_CITIZEN -> {
                        outcome = Outcome.AWAIT_CITIZEN;
                        note = pick(random, common.awaitCitizen());
                    }
                    default -> {
                        outcome = Outcome.RESOLVED;
                        note = pick(random, common.resolvedAtDesk());
                        answer = true;
                    }
                }
            }
            default -> { // SPECIALIST: the department, or its team lead after an escalation
                if (teamLead) {
                    outcome = intent == Intent.TO_SPECIALIST ? Outcome.SPECIALIST : Outcome.RESOLVED;
                    note = pick(random, outcome == Outcome.SPECIALIST ? common.teamLeadBackToSpecialist()
                            : common.teamLeadResolved());
                    answer = outcome == Outcome.RESOLVED;
                } else if (intent == Intent.AWAIT_CITIZEN) {
                    outcome = Outcome.AWAIT_CITIZEN;
                    note = pick(random, common.awaitCitizen());
                } else {
                    outcome = Outcome.RESOLVED;
                    note = pick(random, common.resolvedBySpecialist());
                    answer = true;
                }
            }
        }
        String language = inquiry.citizen().language();
        if (language != null && common.languages().containsKey(language)) {
            note = note + "; " + String.format(common.interpreterNote(), common.languages().get(language));
        }
        Map<String, Object> form = new HashMap<>();
        form.put("outcome", outcome.name());
        form.put("note", note);
        if (answer) {
            String text = pick(random, topic.answers().isEmpty() ? common.answer() : topic.answers());
            form.put("feedback", (inquiry.escalations().isEmpty() ? "" : common.apology()) + text);
        }
        return form;
    }

    // ---- results ----

    Map<Integer, String> inquiryIds() {
        return inquiryIds;
    }

    int jobsFired() {
        return jobsFired;
    }

    int failures() {
        return failures;
    }
}
