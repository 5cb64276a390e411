package dk.borgerflow.consultation;

/** The ids in processes/consultation.bpmn and consultation-reply.bpmn that the code refers to. */
final class ConsultationConstants {

    static final String PROCESS_KEY = "consultation";
    static final String REPLY_PROCESS_KEY = "consultation-reply";
    static final String MESSAGE_ANSWER_SUBMITTED = "ConsultationAnswerSubmitted";

    static final String TASK_SEND = "Task_SendConsultation";
    static final String CALL_REPLY = "CallActivity_ConsultationReply";
    static final String TASK_COMPILE_NOTAT = "Task_CompileNotat";
    static final String TASK_DECIDE = "Task_DecideOnProposal";
    static final String TIMER_POSTPONED = "Timer_PostponedUntilMeeting";
    static final String TASK_ANSWER = "Task_AnswerConsultation";
    static final String EVENT_EXTERNAL_ANSWER = "Event_ExternalAnswerReceived";
    static final String CALL_SUB_CONSULTATION = "CallActivity_SubConsultation";
    static final String TIMER_REMINDER = "Timer_ReplyReminder";
    static final String TIMER_DEADLINE = "Timer_ReplyDeadline";

    // process variables
    static final String VAR_CONSULTATION_ID = "consultationId";
    static final String VAR_MUNICIPALITY = "municipality";
    static final String VAR_TITLE = "consultationTitle";
    static final String VAR_DECIDING_GROUP = "decidingGroup";
    static final String VAR_NOTAT_URL = "notatUrl";
    static final String VAR_CONSULTEE_ID = "consulteeId";
    static final String VAR_CONSULTEE_NAME = "consulteeName";
    static final String VAR_CONSULTEE_KIND = "consulteeKind";
    static final String VAR_CONSULTEE_GROUP = "consulteeGroup";
    static final String VAR_PROPOSAL = "proposal";
    static final String VAR_REPLY_DEADLINE = "replyDeadline";
    static final String VAR_REMINDER_AT = "reminderAt";
    static final String VAR_REPLY_DEADLINE_AT = "replyDeadlineAt";
    static final String VAR_REPLY_ACTION = "replyAction";
    static final String VAR_ANSWER = "answer";
    static final String VAR_SUB_CONSULTEE_ID = "subConsulteeId";
    static final String VAR_SUB_NAME = "subConsulteeName";
    static final String VAR_SUB_GROUP = "subConsulteeGroup";
    static final String VAR_SUB_EMAIL = "subConsulteeEmail";
    static final String VAR_SUB_DEADLINE = "subDeadline";
    static final String VAR_SUB_ANSWERS = "subAnswers";
    static final String VAR_ANSWERS_OVERVIEW = "answersOverview";
    static final String VAR_NOTAT_SUMMARY = "notatSummary";
    static final String VAR_DECISION = "decision";
    static final String VAR_DECISION_NOTE = "decisionNote";
    static final String VAR_NEXT_MEETING_DATE = "nextMeetingDate";
    static final String VAR_NEXT_MEETING_AT = "nextMeetingAt";

    static final String KIND_INTERNAL = "INTERNAL";
    static final String KIND_EXTERNAL = "EXTERNAL";

    private ConsultationConstants() {
    }
}
