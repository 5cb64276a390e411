package dk.borgerflow.consultation;

import dk.borgerflow.security.NoCpr;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A consultation to send: the proposal, the svarfrist (a date) and the consultees. Each consultee
 * has either a Camunda {@code group} (internal: answers in Tasklist) or an {@code email} (external:
 * gets a personal answer link). {@code decidingGroup} decides on the proposal (default: secretariat).
 * No free text may hold a CPR number ({@link NoCpr}): title, proposal and names become process
 * variables that every worker of the consultation reads.
 */
public record ConsultationRequest(
        @NotBlank @Size(max = 63) String municipality,
        @NotBlank @Size(max = 300) @NoCpr String title,
        @NotBlank @Size(max = 100000) @NoCpr String proposal,
        @NotNull LocalDate deadline,
        @Size(max = 63) String decidingGroup,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Consultee> consultees) {

    public record Consultee(
            @NotBlank @Size(max = 200) @NoCpr String name,
            @NotNull ConsulteeRole role,
            @Size(max = 63) String group,
            @Email @Size(max = 254) String email) {
    }
}
