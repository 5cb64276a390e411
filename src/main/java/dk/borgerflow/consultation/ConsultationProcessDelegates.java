package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationConstants.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java behind processes/consultation.bpmn and consultation-reply.bpmn, referenced there by bean
 * name. Each calls one {@link ConsultationSteps} method for the records of the process instance it
 * runs in ({@link ConsultationProcess}) and writes back what the model and forms read. Form values
 * (answer, decision, ...) are read from variables; which consultation or consultee they change is
 * never taken from a variable.
 */
@Configuration
class ConsultationProcessDelegates {

    /** Consultations start with their row, through our API only (engine clients are refused). */
    @Bean
    dk.borgerflow.security.ApiStartedProcess consultationProcessStartedThroughApi() {
        return new dk.borgerflow.security.ApiStartedProcess(PROCESS_KEY, "POST /api/consultations");
    }

    /** A reply branch is started by its consultation, one per answering consultee. */
    @Bean
    dk.borgerflow.security.ApiStartedProcess replyProcessStartedByTheConsultation() {
        return new dk.borgerflow.security.ApiStartedProcess(REPLY_PROCESS_KEY,
                "høringen selv (én gren pr. høringspart, POST /api/consultations)");
    }

    /** Task_SendConsultation: sent to the answering consultees, INFORM consultees informed. */
    @Bean
    JavaDelegate sendConsultation(ConsultationSteps consultations) {
        return execution -> consultations.send(ConsultationProcess.of(execution));
    }

    /** Task_ScheduleReply: reminder and svarfrist of one branch, as ISO date-times for its timers. */
    @Bean
    JavaDelegate scheduleReply(ConsultationSteps consultations) {
        return execution -> {
            // the consultee id the call activity passed in is checked against the process tree there
            var s = consultations.scheduleReply(ConsultationProcess.of(execution),
                    (String) execution.getVariable(VAR_CONSULTEE_ID));
            execution.setVariable(VAR_CONSULTEE_NAME, s.consulteeName());
            execution.setVariable(VAR_CONSULTEE_KIND, s.kind());
            execution.setVariable(VAR_CONSULTEE_GROUP, s.group());
            execution.setVariable(VAR_TITLE, s.title());
            execution.setVariable(VAR_PROPOSAL, s.proposal());
            execution.setVariable(VAR_REPLY_DEADLINE, s.replyDeadline());
            execution.setVariable(VAR_REMINDER_AT, s.reminderAt());
            execution.setVariable(VAR_REPLY_DEADLINE_AT, s.replyDeadlineAt());
        };
    }

    /** Completing Task_AnswerConsultation: the answer is recorded, or the forward to a sub-consultee. */
    @Bean
    TaskListener recordConsultationReply(ConsultationSteps consultations) {
        return task -> {
            ConsultationProcess branch = ConsultationProcess.of(task);
            Object action = task.getVariable(VAR_REPLY_ACTION);
            if ("ANSWER".equals(action)) {
                consultations.answerInTasklist(branch, (String) task.getVariable(VAR_ANSWER), actor(task));
            } else if ("FORWARD".equals(action)) {
                String subConsulteeId = consultations.forward(branch, (String) task.getVariable(VAR_SUB_NAME),
                        (String) task.getVariable(VAR_SUB_GROUP), (String) task.getVariable(VAR_SUB_EMAIL),
                        date(task.getVariable(VAR_SUB_DEADLINE)), actor(task));
                task.getExecution().setVariable(VAR_SUB_CONSULTEE_ID, subConsulteeId);
            } else {
                throw new ConsultationRuleViolation("Vælg, om I afgiver høringssvar eller videresender.");
            }
        };
    }

    /** Task_AttachSubAnswer: the sub-consultee's answer shows in the consultee's task. */
    @Bean
    JavaDelegate attachSubAnswer(ConsultationSteps consultations) {
        return execution -> {
            execution.setVariable(VAR_SUB_ANSWERS, consultations.subAnswers(ConsultationProcess.of(execution)));
            execution.removeVariables(List.of(VAR_REPLY_ACTION, VAR_SUB_NAME, VAR_SUB_GROUP, VAR_SUB_EMAIL,
                    VAR_SUB_DEADLINE, VAR_SUB_CONSULTEE_ID));
        };
    }

    /** Timer_ReplyReminder → Task_SendReminder. */
    @Bean
    JavaDelegate sendReplyReminder(ConsultationSteps consultations) {
        return execution -> consultations.remind(ConsultationProcess.of(execution));
    }

    /** Timer_ReplyDeadline → Task_RecordNoAnswer: the branch closes as "no answer". */
    @Bean
    JavaDelegate recordNoAnswer(ConsultationSteps consultations) {
        return execution -> consultations.recordNoAnswer(ConsultationProcess.of(execution));
    }

    /** Task_CloseReplyRound: every branch is done. */
    @Bean
    JavaDelegate closeReplyRound(ConsultationSteps consultations) {
        return execution -> consultations.closeReplies(ConsultationProcess.of(execution));
    }

    /** Creating Task_CompileNotat: an overview of the answers for the form. */
    @Bean
    TaskListener prepareNotatTask(ConsultationSteps consultations) {
        return task -> task.setVariable(VAR_ANSWERS_OVERVIEW,
                consultations.answersOverview(ConsultationProcess.of(task)));
    }

    /** Completing Task_CompileNotat: the notat is final, late answers stop. */
    @Bean
    TaskListener completeNotat(ConsultationSteps consultations) {
        return task -> consultations.compileNotat(ConsultationProcess.of(task),
                (String) task.getVariable(VAR_NOTAT_SUMMARY), actor(task));
    }

    /** Completing Task_DecideOnProposal: approve, reject or postpone to {@code nextMeetingAt}. */
    @Bean
    TaskListener recordConsultationDecision(ConsultationSteps consultations) {
        return task -> {
            Object decision = task.getVariable(VAR_DECISION);
            String nextMeetingAt = consultations.decide(ConsultationProcess.of(task),
                    decision == null ? null : decision.toString(), (String) task.getVariable(VAR_DECISION_NOTE),
                    date(task.getVariable(VAR_NEXT_MEETING_DATE)), actor(task));
            if (nextMeetingAt != null) {
                task.getExecution().setVariable(VAR_NEXT_MEETING_AT, nextMeetingAt);
            }
        };
    }

    /** Task_ResumeDecision: the meeting date is reached. */
    @Bean
    JavaDelegate resumeDecision(ConsultationSteps consultations) {
        return execution -> {
            consultations.resumeDecision(ConsultationProcess.of(execution));
            execution.removeVariables(List.of(VAR_DECISION, VAR_DECISION_NOTE, VAR_NEXT_MEETING_DATE));
        };
    }

    /** End of the consultation process (any end event, or cancellation). */
    @Bean
    ExecutionListener consultationProcessEnded(ConsultationSteps consultations) {
        return execution -> consultations.processEnded(ConsultationProcess.of(execution));
    }

    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return LocalDate.ofInstant(d.toInstant(), java.time.ZoneId.of("Europe/Copenhagen"));
        }
        try {
            String text = value.toString();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new ConsultationRuleViolation("Datoen '" + value + "' er ikke gyldig (ÅÅÅÅ-MM-DD).");
        }
    }

    private static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        String authenticated = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthenticatedUserId();
        return authenticated == null ? ConsultationService.SYSTEM : authenticated;
    }
}
