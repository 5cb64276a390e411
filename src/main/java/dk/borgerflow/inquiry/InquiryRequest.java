package dk.borgerflow.inquiry;

import dk.borgerflow.security.NoCpr;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * The body of {@code POST /api/inquiries}. The CPR number belongs in {@code citizen.cpr} and nowhere
 * else: every other text that a worker or the process reads is refused when it holds one
 * ({@link NoCpr}; the phone number is checked in {@code InquiryService}, Swedish numbers look alike).
 */
public record InquiryRequest(
        @NotBlank @Size(max = 63) String municipality,
        @NotNull Channel channel,
        @NotBlank @Size(max = 63) String topic,
        @NotBlank @Size(max = 2000) @NoCpr String summary,
        OffsetDateTime receivedAt,
        @Valid CitizenRequest citizen) {

    public record CitizenRequest(
            @Pattern(regexp = "\\d{6}-?\\d{4}", message = "must be a CPR number DDMMYY-XXXX") String cpr,
            @Size(max = 200) @NoCpr String name,
            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{4,40}", message = "must be a phone number") String phone,
            @Size(max = 254) @Email @NoCpr String email,
            Boolean digitallyExempt,
            @Min(0) @Max(130) Integer age,
            Boolean needsInterpreter,
            @Size(max = 40) @NoCpr String language,
            @Size(max = 500) @NoCpr String accessibilityNeeds) {

        static CitizenRequest anonymous() {
            return new CitizenRequest(null, null, null, null, null, null, null, null, null);
        }
    }
}
