package dk.borgerflow.consultation;

/** ANSWER: must answer (gets a branch with reminder and svarfrist). INFORM: information only, no task. */
public enum ConsulteeRole {
    ANSWER, INFORM
}
