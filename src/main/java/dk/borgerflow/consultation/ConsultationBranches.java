package dk.borgerflow.consultation;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collection of CallActivity_ConsultationReply's multi-instance:
 * {@code ${consultationBranches.answering(consultationId)}}. Ids only, nothing serialized.
 */
@Component("consultationBranches")
public class ConsultationBranches {

    private final ConsultationService consultations;

    ConsultationBranches(ConsultationService consultations) {
        this.consultations = consultations;
    }

    public List<String> answering(String consultationId) {
        return consultations.answeringConsultees(consultationId);
    }
}
