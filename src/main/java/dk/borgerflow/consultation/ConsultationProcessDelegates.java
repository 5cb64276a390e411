package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationConstants.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Java behind processes/consultation.bpmn and consultation-reply.bpmn, referenced there by bean
 * name. Each reads process variables, calls one {@link ConsultationService} method and writes back.
 */
@Configuration
class ConsultationProcessDelegates {

    /** Task_SendConsultation: sent to the answering consultees, INFORM consultees informed. */
    @Bean
    JavaDelegate sendConsultation(ConsultationService consultations) {
        return execution -> consultations.send(consultationId(execution));
    }

    /** Task_ScheduleReply: reminder and svarfrist of one branch, as ISO date-times for its timers. */
    @Bean
    JavaDelegate scheduleReply(ConsultationService consultations) {
        return execution -> {
            var s = consultations.scheduleReply((String) execution.getVariable(VAR_CONSULTEE_ID),
                    execution.getProcessInstanceId());
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
    TaskListener recordConsultationReply(ConsultationService consultations) {
        return task -> {
            String consulteeId = (String) task.getVariable(VAR_CONSULTEE_ID);
            Object action = task.getVariable(VAR_REPLY_ACTION);
            if ("ANSWER".equals(action)) {
                consultations.answerInTasklist(consulteeId, (String) task.getVariable(VAR_ANSWER), actor(task));
            } else if ("FORWARD".equals(action)) {
                String subConsulteeId = consultations.forward(consulteeId, (String) task.getVariable(VAR_SUB_NAME),
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
    JavaDelegate attachSubAnswer(ConsultationService consultations) {
        return execution -> {
            execution.setVariable(VAR_SUB_ANSWERS, consultations.subAnswers((String) execution.getVariable(VAR_CONSULTEE_ID)));
            execution.removeVariables(List.of(VAR_REPLY_ACTION, VAR_SUB_NAME, VAR_SUB_GROUP, VAR_SUB_EMAIL,
                    VAR_SUB_DEADLINE, VAR_SUB_CONSULTEE_ID));
        };
    }

    /** Timer_ReplyReminder → Task_SendReminder. */
    @Bean
    JavaDelegate sendReplyReminder(ConsultationService consultations) {
        return execution -> consultations.remind((String) execution.getVariable(VAR_CONSULTEE_ID));
    }

    /** Timer_ReplyDeadline → Task_RecordNoAnswer: the branch closes as "no answer". */
    @Bean
    JavaDelegate recordNoAnswer(ConsultationService consultations) {
        return execution -> consultations.recordNoAnswer((String) execution.getVariable(VAR_CONSULTEE_ID));
    }

    /** Task_CloseReplyRound: every branch is done. */
    @Bean
    JavaDelegate closeReplyRound(ConsultationService consultations) {
        return execution -> consultations.closeReplies(consultationId(execution));
    }

    /** Creating Task_CompileNotat: an overview of the answers for the form. */
    @Bean
    TaskListener prepareNotatTask(ConsultationService consultations) {
        return task -> task.setVariable(VAR_ANSWERS_OVERVIEW,
                consultations.answersOverview((String) task.getVariable(VAR_CONSULTATION_ID)));
    }

    /** Completing Task_CompileNotat: the notat is final, late answers stop. */
    @Bean
    TaskListener completeNotat(ConsultationService consultations) {
        return task -> consultations.compileNotat((String) task.getVariable(VAR_CONSULTATION_ID),
                (String) task.getVariable(VAR_NOTAT_SUMMARY), actor(task));
    }

    /** Completing Task_DecideOnProposal: approve, reject or postpone to {@code nextMeetingAt}. */
    @Bean
    TaskListener recordConsultationDecision(ConsultationService consultations) {
        return task -> {
            Object decision = task.getVariable(VAR_DECISION);
            String nextMeetingAt = consultations.decide((String) task.getVariable(VAR_CONSULTATION_ID),
                    decision == null ? null : decision.toString(), (String) task.getVariable(VAR_DECISION_NOTE),
                    date(task.getVariable(VAR_NEXT_MEETING_DATE)), actor(task));
            if (nextMeetingAt != null) {
                task.getExecution().setVariable(VAR_NEXT_MEETING_AT, nextMeetingAt);
            }
        };
    }

    /** Task_ResumeDecision: the meeting date is reached. */
    @Bean
    JavaDelegate resumeDecision(ConsultationService consultations) {
        return execution -> {
            consultations.resumeDecision(consultationId(execution));
            execution.removeVariables(List.of(VAR_DECISION, VAR_DECISION_NOTE, VAR_NEXT_MEETING_DATE));
        };
    }

    /** End of the consultation process (any end event, or cancellation). */
    @Bean
    ExecutionListener consultationProcessEnded(ConsultationService consultations) {
        return execution -> consultations.processEnded(consultationId(execution));
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

    private static String consultationId(DelegateExecution execution) {
        return (String) execution.getVariable(VAR_CONSULTATION_ID);
    }
}
