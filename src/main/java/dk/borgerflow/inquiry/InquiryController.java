package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.NoCpr;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Henvendelser", description = "Citizen inquiries on the channel ladder")
@RestController
@RequestMapping("/api/inquiries")
@Validated
class InquiryController {

    private final InquiryService inquiries;

    InquiryController(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @Operation(summary = "Receive an inquiry and start its process",
            description = "201 with Location; a repeat with the same Idempotency-Key answers 200 with the same inquiry")
    @PostMapping
    ResponseEntity<InquiryView> receive(@Valid @RequestBody InquiryRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey,
            @AuthenticationPrincipal CurrentUser user) {
        InquiryService.Received received = inquiries.receive(body, idempotencyKey, user);
        InquiryView view = InquiryView.of(received.inquiry());
        return received.created()
                ? ResponseEntity.created(URI.create("/api/inquiries/" + view.id())).body(view)
                : ResponseEntity.ok().location(URI.create("/api/inquiries/" + view.id())).body(view);
    }

    @Operation(summary = "One inquiry with its whole history")
    @GetMapping("/{id}")
    InquiryView get(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return InquiryView.of(inquiries.get(id, user));
    }

    @Operation(summary = "Inquiries of your municipalities, newest first, paged")
    @GetMapping
    PageView<InquiryView.Summary> list(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) InquiryStatus status, @RequestParam(required = false) Tier tier,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @AuthenticationPrincipal CurrentUser user) {
        var result = inquiries.list(municipality, status, tier,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("id"))), user);
        return PageView.of(result.map(InquiryView.Summary::of));
    }

    @Operation(summary = "The citizen could not manage with self-service: send the inquiry to the contact center")
    @PostMapping("/{id}/help-requests")
    InquiryView requestHelp(@PathVariable String id, @Valid @RequestBody(required = false) HelpRequest body,
            @AuthenticationPrincipal CurrentUser user) {
        inquiries.requestHelp(id, body == null ? null : body.reason(), user);
        return InquiryView.of(inquiries.get(id, user));
    }

    @Operation(summary = "The citizen sent what the municipality waited for: the deadline's clock runs again")
    @PostMapping("/{id}/citizen-replies")
    InquiryView citizenReplied(@PathVariable String id, @Valid @RequestBody(required = false) CitizenReply body,
            @AuthenticationPrincipal CurrentUser user) {
        inquiries.citizenReplied(id, body == null ? null : body.message(), user);
        return InquiryView.of(inquiries.get(id, user));
    }

    @Operation(summary = "The citizen's CPR number; state why. Every access is audited (who, when, why)")
    @PostMapping("/{id}/cpr-access")
    CprView revealCpr(@PathVariable String id, @Valid @RequestBody CprRequest body,
            @AuthenticationPrincipal CurrentUser user) {
        return new CprView(inquiries.revealCpr(id, body.purpose(), user));
    }

    @Operation(summary = "Who has read the CPR number of this inquiry")
    @GetMapping("/{id}/cpr-access")
    java.util.List<CprAccessView> cprAccessLog(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return inquiries.cprAccessLog(id, user).stream()
                .map(a -> new CprAccessView(a.accessedBy(), a.accessedAt(), a.purpose())).toList();
    }

    record CprRequest(@jakarta.validation.constraints.NotBlank @Size(max = 500) @NoCpr String purpose) {
    }

    record CprView(String cpr) {
    }

    record CprAccessView(String accessedBy, java.time.Instant accessedAt, String purpose) {
    }

    record HelpRequest(@Size(max = 2000) @NoCpr String reason) {
    }

    record CitizenReply(@Size(max = 4000) @NoCpr String message) {
    }
}
