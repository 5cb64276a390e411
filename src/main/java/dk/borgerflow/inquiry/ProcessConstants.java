package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import java.util.Map;

/** The ids in processes/inquiry.bpmn and routing.dmn that the code refers to. */
final class ProcessConstants {

    static final String PROCESS_KEY = "inquiry";
    static final String ROUTING_DECISION = "routing";
    static final String MESSAGE_CITIZEN_NEEDS_HELP = "CitizenNeedsHelp";
    static final String MESSAGE_CITIZEN_REPLIED = "CitizenReplied";

    static final String TASK_ANSWER_IN_CONTACT_CENTER = "Task_AnswerInContactCenter";
    static final String TASK_CALL_CITIZEN_BACK = "Task_CallCitizenBack";
    static final String TASK_HANDLE_AT_DESK = "Task_HandleAtDesk";
    static final String TASK_HANDLE_BY_SPECIALIST = "Task_HandleBySpecialist";
    static final String TASK_FOLLOW_UP_AS_TEAM_LEAD = "Task_FollowUpAsTeamLead";
    static final String WAIT_FOR_CITIZEN_REPLY = "Gateway_AwaitCitizenReply";
    /** The embedded subprocess holding the task of the current tier; its boundary timers are the deadline. */
    static final String TASK_AT_TIER = "SubProcess_TaskAtTier";
    static final String TIMER_DEADLINE_WARNING = "BoundaryTimer_DeadlineWarning";
    static final String TIMER_DEADLINE_BREACHED = "BoundaryTimer_DeadlineBreached";
    static final String TASK_ESCALATE = "Task_EscalateInquiry";

    /** The tier each user task works at. */
    static final Map<String, Tier> TIER_OF_TASK = Map.of(
            TASK_ANSWER_IN_CONTACT_CENTER, Tier.CONTACT_CENTER,
            TASK_CALL_CITIZEN_BACK, Tier.CONTACT_CENTER,
            TASK_HANDLE_AT_DESK, Tier.DESK,
            TASK_HANDLE_BY_SPECIALIST, Tier.SPECIALIST,
            TASK_FOLLOW_UP_AS_TEAM_LEAD, Tier.SPECIALIST);

    // process variables
    static final String VAR_INQUIRY_ID = "inquiryId";
    static final String VAR_MUNICIPALITY = "municipality";
    static final String VAR_ROUTING = "routing";
    static final String VAR_ENTRY_TIER = "entryTier";
    static final String VAR_ANSWER_GROUP = "answerGroup";
    /** routing.dmn's output of the decision personal-service (in the routing result only, not stored). */
    static final String VAR_NEEDS_PERSONAL_SERVICE = "needsPersonalService";
    /** The group of the task at the desk, specialist or team lead (candidate-group.dmn, via the inquiry). */
    static final String VAR_CANDIDATE_GROUP = "candidateGroup";
    static final String VAR_TIER = "tier";
    static final String VAR_OUTCOME = "outcome";
    static final String VAR_NOTE = "note";
    static final String VAR_FEEDBACK = "feedback";
    /** Read-only in the contact center's form: the catalogue's solutions for the inquiry's municipality and topic. */
    static final String VAR_SELF_SERVICE_SOLUTIONS = "selfServiceSolutions";
    /** The agent's tick in the contact center's form: the catalogue had the answer. */
    static final String VAR_CATALOGUE_HAD_ANSWER = "catalogueHadAnswer";
    static final String VAR_DUE_AT = "dueAt";
    static final String VAR_WARN_AT = "warnAt";
    static final String VAR_ESCALATED = "escalated";
    static final String VAR_ESCALATED_TO = "escalatedTo";
    /** Read-only form field "Forløb": the inquiry's escalations and history as text ({@link CaseHistoryText}). */
    static final String VAR_CASE_HISTORY = "caseHistory";

    private ProcessConstants() {
    }
}
