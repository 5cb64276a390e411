package dk.borgerflow.selfservice;

import dk.borgerflow.security.AccessRefused;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Selvbetjening", description = "Each municipality's self-service catalogue")
@RestController
@RequestMapping("/api/self-service/{municipality}")
class SelfServiceController {

    private final SelfServiceCatalogue catalogue;

    SelfServiceController(SelfServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "Every topic with the link citizens of this municipality are guided to")
    @GetMapping
    List<SelfServiceCatalogue.Entry> catalogue(@PathVariable String municipality,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, false);
        return catalogue.catalogueOf(municipality);
    }

    @Operation(summary = "Set the municipality's own self-service solution for a topic (process owners, admins)")
    @PutMapping("/{topic}")
    SelfServiceCatalogue.Entry setLink(@PathVariable String municipality, @PathVariable String topic,
            @Valid @RequestBody LinkRequest body, @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        return catalogue.setOwnLink(municipality, topic, body.url(), body.title(), user.userId());
    }

    @Operation(summary = "Fall back to the national self-service link for a topic")
    @DeleteMapping("/{topic}")
    ResponseEntity<Void> removeLink(@PathVariable String municipality, @PathVariable String topic,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        catalogue.removeOwnLink(municipality, topic);
        return ResponseEntity.noContent().build();
    }

    private static void requireAccess(CurrentUser user, String municipality, boolean change) {
        if (!user.canAccess(municipality) || (change && !user.isMemberOf(Groups.PROCESS_OWNER))) {
            throw new AccessRefused("Not allowed for " + municipality);
        }
    }

    record LinkRequest(@NotBlank @Size(max = 500) String url, @Size(max = 200) String title) {
    }
}
