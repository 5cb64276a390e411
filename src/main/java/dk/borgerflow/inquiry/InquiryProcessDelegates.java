package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.ProcessConstants.*;

import dk.borgerflow.municipality.Tier;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java behind processes/inquiry.bpmn, referenced there by bean name. Each calls one
 * {@link InquiryLadder} method for the inquiry of the process instance it runs in
 * ({@link InquiryProcess}: id, business key, tenant, as the engine knows them) and writes the
 * variables the model's expressions read. Which inquiry is changed never depends on a process
 * variable: engine-rest lets a worker write variables, the engine's own identity of the instance not.
 */
@Configuration
class InquiryProcessDelegates {

    /** Inquiries start with their row, through our API only (engine clients are refused). */
    @Bean
    dk.borgerflow.security.ApiStartedProcess inquiryProcessStartedThroughApi() {
        return new dk.borgerflow.security.ApiStartedProcess(PROCESS_KEY, "POST /api/inquiries");
    }

    /** Task_RecordRouting: applies routing.dmn's answer (tier, answer group, personal service) to the inquiry. */
    @Bean
    JavaDelegate recordRouting(InquiryLadder inquiries) {
        return execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> routing = (Map<String, Object>) execution.getVariable(VAR_ROUTING);
            Inquiry routed = inquiries.applyRouting(InquiryProcess.of(execution), (String) routing.get(VAR_ENTRY_TIER),
                    (String) routing.get(VAR_ANSWER_GROUP), (Boolean) routing.get(VAR_NEEDS_PERSONAL_SERVICE));
            execution.setVariable(VAR_ENTRY_TIER, routed.tier().name());
            execution.setVariable(VAR_ANSWER_GROUP, routing.get(VAR_ANSWER_GROUP));
            execution.setVariables(InquiryLadder.deadlineVariables(routed));
            execution.removeVariable(VAR_ROUTING);
        };
    }

    /** Task_GuideToSelfService: points the citizen to the self-service solution of the topic. */
    @Bean
    JavaDelegate guideToSelfService(InquiryLadder inquiries) {
        return execution -> inquiries.guideToSelfService(InquiryProcess.of(execution));
    }

    /** Task_SendFeedbackToCitizen: the written answer goes out (letter for the digitally exempt). */
    @Bean
    JavaDelegate sendFeedback(InquiryLadder inquiries) {
        return execution -> execution.setVariable("feedbackSentVia", inquiries.sendFeedback(InquiryProcess.of(execution)));
    }

    /** On completion of every user task: records the chosen outcome and note on the inquiry. */
    @Bean
    TaskListener recordTaskOutcome(InquiryLadder inquiries, CaseHistoryText caseHistory) {
        return task -> {
            Tier tier = TIER_OF_TASK.get(task.getTaskDefinitionKey());
            Object outcome = task.getVariable(VAR_OUTCOME);
            String note = (String) task.getVariable(VAR_NOTE);
            Object catalogueHadAnswer = null;
            if (TASK_ANSWER_IN_CONTACT_CENTER.equals(task.getTaskDefinitionKey())) {
                catalogueHadAnswer = task.getVariable(VAR_CATALOGUE_HAD_ANSWER);
                note = InquiryLadder.withCatalogueFact(note, catalogueHadAnswer);
            }
            String feedback = (String) task.getVariable(VAR_FEEDBACK);
            if (feedback != null && !feedback.isBlank()) {
                note = (note == null || note.isBlank() ? "" : note + "\n") + "Svar til borgeren: " + feedback;
            }
            Inquiry changed = inquiries.recordTaskOutcome(InquiryProcess.of(task), tier,
                    outcome == null ? null : outcome.toString(), actor(task), note, catalogueHadAnswer);
            task.getExecution().setVariables(InquiryLadder.deadlineVariables(changed));
            task.getExecution().setVariable(VAR_CASE_HISTORY, caseHistory.of(changed));
        };
    }

    /**
     * On creation of every user task: the previous task's answers are on the inquiry's history
     * already; removing them lets each form start empty instead of showing a colleague's note. The
     * contact center's task also gets the catalogue's solutions for the inquiry's municipality and
     * topic (from the inquiry row the instance is bound to, not from a variable), shown read-only.
     */
    @Bean
    TaskListener clearPreviousAnswers(InquiryLadder inquiries) {
        return task -> {
            task.getExecution().removeVariables(java.util.List.of(VAR_OUTCOME, VAR_NOTE, VAR_FEEDBACK,
                    VAR_CATALOGUE_HAD_ANSWER));
            if (TASK_ANSWER_IN_CONTACT_CENTER.equals(task.getTaskDefinitionKey())) {
                task.getExecution().setVariable(VAR_SELF_SERVICE_SOLUTIONS,
                        inquiries.selfServiceSolutions(InquiryProcess.of(task)));
            }
        };
    }

    /** BoundaryTimer_DeadlineBreached (interrupting, at the due date of the task at its tier): up one tier, or to the team lead. */
    @Bean
    JavaDelegate escalateInquiry(InquiryLadder inquiries, CaseHistoryText caseHistory) {
        return execution -> {
            java.util.Date breached = (java.util.Date) execution.getVariable(VAR_DUE_AT);
            Inquiry escalated = inquiries.escalate(InquiryProcess.of(execution), breached.toInstant());
            execution.setVariables(InquiryLadder.deadlineVariables(escalated));
            execution.setVariable(VAR_CASE_HISTORY, caseHistory.of(escalated));
            execution.setVariable(VAR_ESCALATED, true);
            execution.setVariable(VAR_ESCALATED_TO, escalated.escalations().get(escalated.escalations().size() - 1)
                    .toTier());
        };
    }

    /** BoundaryTimer_DeadlineWarning (non-interrupting, at the warning point): the team lead is alerted. */
    @Bean
    JavaDelegate warnTeamLead(InquiryLadder inquiries) {
        return execution -> {
            java.util.Date dueAt = (java.util.Date) execution.getVariable(VAR_DUE_AT);
            inquiries.warn(InquiryProcess.of(execution), dueAt == null ? null : dueAt.toInstant());
        };
    }

    /** After waiting for the citizen: the deadline runs again, pushed by the pause. */
    @Bean
    JavaDelegate resumeDeadline(InquiryLadder inquiries, CaseHistoryText caseHistory) {
        return execution -> {
            boolean replied = execution.hasVariable("citizenReply");
            Inquiry resumed = inquiries.resumeDeadline(InquiryProcess.of(execution), replied);
            execution.setVariables(InquiryLadder.deadlineVariables(resumed));
            execution.setVariable(VAR_CASE_HISTORY, caseHistory.of(resumed));
            execution.removeVariable("citizenReply");
        };
    }

    /** At the end of the process (any end event, or cancellation): the inquiry closes. */
    @Bean
    ExecutionListener closeInquiry(InquiryLadder inquiries) {
        return execution -> inquiries.processEnded(InquiryProcess.of(execution));
    }


    private static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        String authenticated = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthenticatedUserId();
        return authenticated == null ? Inquiry.SYSTEM : authenticated;
    }
}
