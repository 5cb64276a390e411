package dk.borgerflow.consultation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collection of CallActivity_ConsultationReply's multi-instance:
 * {@code ${consultationBranches.answering(execution)}}: the answering consultees of the consultation
 * this process instance is bound to (never a variable's idea of which consultation). Ids only,
 * nothing serialized.
 */
@Component("consultationBranches")
public class ConsultationBranches {

    private final ConsultationSteps consultations;

    ConsultationBranches(ConsultationSteps consultations) {
        this.consultations = consultations;
    }

    public List<String> answering(DelegateExecution execution) {
        return consultations.answeringConsultees(ConsultationProcess.of(execution));
    }
}
