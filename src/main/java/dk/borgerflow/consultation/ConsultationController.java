package dk.borgerflow.consultation;

import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.NoCpr;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Høringer", description = "Consultations (høring/remiss) of policy proposals")
@RestController
@RequestMapping("/api/consultations")
@Validated
class ConsultationController {

    private final ConsultationService consultations;
    private final NotatRenderer notat;
    private final ConsultationProperties properties;

    ConsultationController(ConsultationService consultations, NotatRenderer notat, ConsultationProperties properties) {
        this.consultations = consultations;
        this.notat = notat;
        this.properties = properties;
    }

    @Operation(summary = "Send a proposal in consultation",
            description = "201 with Location; external consultees' answerUrl is shown only here (or a new one via answer-link)")
    @PostMapping
    ResponseEntity<ConsultationView> prepare(@Valid @RequestBody ConsultationRequest body,
            @AuthenticationPrincipal CurrentUser user) {
        ConsultationService.Prepared prepared = consultations.prepare(body, user);
        Map<String, String> urls = prepared.tokensByConsulteeId().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> answerUrl(e.getValue())));
        String id = prepared.consultation().id();
        return ResponseEntity.created(URI.create("/api/consultations/" + id)).body(view(prepared.consultation(), user, urls));
    }

    @Operation(summary = "Consultations of your municipalities, newest first")
    @GetMapping
    List<ConsultationView.Summary> list(@RequestParam(required = false) String municipality,
            @AuthenticationPrincipal CurrentUser user) {
        return consultations.list(municipality, user).stream().map(ConsultationView.Summary::of).toList();
    }

    @Operation(summary = "One consultation: status, consultees, answers with late flags, audit log")
    @GetMapping("/{id}")
    ConsultationView get(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return view(consultations.get(id, user), user, Map.of());
    }

    @Operation(summary = "The høringsnotat as HTML")
    @GetMapping(value = "/{id}/notat", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> notatHtml(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(notat.html(consultations.notat(id, user)));
    }

    @Operation(summary = "The høringsnotat as PDF")
    @GetMapping(value = "/{id}/notat.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> notatPdf(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        byte[] pdf = notat.pdf(notat.html(consultations.notat(id, user)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("hoeringsnotat-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    @Operation(summary = "Attach a PDF to the proposal (secretariat, process owners)")
    @PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentInfo> attach(@PathVariable String id, @RequestPart("file") MultipartFile file,
            @AuthenticationPrincipal CurrentUser user) throws IOException {
        AttachmentInfo saved = consultations.addAttachment(id, file.getOriginalFilename(), file.getBytes(), user);
        return ResponseEntity.created(URI.create("/api/consultations/" + id + "/attachments/" + saved.id())).body(saved);
    }

    @Operation(summary = "Download an attachment")
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId,
            @AuthenticationPrincipal CurrentUser user) {
        ConsultationAttachment a = consultations.attachment(id, attachmentId, user);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.filename(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(a.content());
    }

    @Operation(summary = "The administration's comment to one consultee's answer (until the notat is compiled)")
    @PutMapping("/{id}/consultees/{consulteeId}/comment")
    ConsultationView comment(@PathVariable String id, @PathVariable String consulteeId,
            @Valid @RequestBody CommentRequest body, @AuthenticationPrincipal CurrentUser user) {
        consultations.comment(id, consulteeId, body.comment(), user);
        return get(id, user);
    }

    @Operation(summary = "A new answer link for an external consultee (also forwarded sub-consultees); the old link stops working")
    @PostMapping("/{id}/consultees/{consulteeId}/answer-link")
    AnswerLink answerLink(@PathVariable String id, @PathVariable String consulteeId,
            @AuthenticationPrincipal CurrentUser user) {
        return new AnswerLink(answerUrl(consultations.issueAnswerLink(id, consulteeId, user)));
    }

    @Operation(summary = "An internal consultee's late answer after its branch closed at the svarfrist (marked late)")
    @PostMapping("/{id}/consultees/{consulteeId}/answers")
    ConsultationView answerLate(@PathVariable String id, @PathVariable String consulteeId,
            @Valid @RequestBody AnswerRequest body, @AuthenticationPrincipal CurrentUser user) {
        consultations.answerLate(id, consulteeId, body.text(), user);
        return get(id, user);
    }

    private ConsultationView view(Consultation c, CurrentUser user, Map<String, String> answerUrls) {
        return ConsultationView.of(c, consultations.attachments(c.id(), user), consultations.auditLog(c.id(), user),
                answerUrls);
    }

    private String answerUrl(String token) {
        String base = properties.publicBaseUrl() != null ? properties.publicBaseUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base + "/hearing/answer/" + token;
    }

    record CommentRequest(@Size(max = 4000) @NoCpr String comment) {
    }

    record AnswerRequest(@NotBlank @Size(max = 20000) @NoCpr String text) {
    }

    record AnswerLink(String answerUrl) {
    }
}
