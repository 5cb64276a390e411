package dk.borgerflow.selfservice;

import dk.borgerflow.security.AccessRefused;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue over HTTP: search for everyone of the municipality, changes for its editors
 * ({@code editor} group, demo users {@code editor-<slug>}) and process owners, each only for the
 * municipalities they are members of.
 */
@Tag(name = "Selvbetjening", description = "Each municipality's self-service catalogue: search and editing")
@RestController
@RequestMapping("/api/self-service")
class SelfServiceController {

    private final SelfServiceCatalogue catalogue;
    private final SelfServiceSearch search;

    SelfServiceController(SelfServiceCatalogue catalogue, SelfServiceSearch search) {
        this.catalogue = catalogue;
        this.search = search;
    }

    @Operation(summary = "Search the municipality's self-service solutions, ranked (own solutions first)")
    @GetMapping
    List<SelfServiceSearch.Hit> search(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String q, @RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "10") int size, @AuthenticationPrincipal CurrentUser user) {
        requireMunicipalityParameter(municipality);
        requireAccess(user, municipality, false);
        if (size < 1 || size > 50) {
            throw new InvalidSelfServiceInput("size", "must be between 1 and 50");
        }
        return search.search(municipality, q, topic, size);
    }

    @Operation(summary = "Type-ahead: titles completing what was typed")
    @GetMapping("/suggestions")
    List<String> suggestions(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String q, @AuthenticationPrincipal CurrentUser user) {
        requireMunicipalityParameter(municipality);
        requireAccess(user, municipality, false);
        return search.suggest(municipality, q, 8);
    }

    @Operation(summary = "Every topic with the link citizens of this municipality are guided to")
    @GetMapping("/{municipality}")
    List<SelfServiceCatalogue.Entry> catalogue(@PathVariable String municipality,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, false);
        return catalogue.catalogueOf(municipality);
    }

    @Operation(summary = "Set the municipality's own self-service solution for a topic (editors, process owners)")
    @PutMapping("/{municipality}/{topic}")
    SelfServiceCatalogue.Entry setLink(@PathVariable String municipality, @PathVariable String topic,
            @Valid @RequestBody LinkRequest body, @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        return catalogue.setOwnLink(municipality, topic, body.url(), body.title(), user.userId());
    }

    @Operation(summary = "Fall back to the national self-service solution for a topic")
    @DeleteMapping("/{municipality}/{topic}")
    ResponseEntity<Void> removeLink(@PathVariable String municipality, @PathVariable String topic,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        catalogue.removeOwnLink(municipality, topic, user.userId());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The municipality's own solutions; stale = not reviewed for twelve months")
    @GetMapping("/{municipality}/solutions")
    List<SolutionView> ownSolutions(@PathVariable String municipality, @RequestParam(required = false) Boolean stale,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, false);
        return catalogue.ownSolutions(municipality).stream()
                .filter(s -> stale == null || s.stale() == stale).toList();
    }

    @Operation(summary = "Add a solution of the municipality's own (the same topic and address again: 200, unchanged)")
    @PostMapping("/{municipality}/solutions")
    ResponseEntity<SolutionView> create(@PathVariable String municipality, @Valid @RequestBody SolutionRequest body,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        if (body.topic() == null || body.topic().isBlank()) {
            throw new InvalidSelfServiceInput("topic", "is required");
        }
        SelfServiceCatalogue.Created created = catalogue.create(municipality, body.topic(), body.fields(),
                user.userId());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/self-service/" + municipality + "/solutions/" + created.solution().id()))
                .body(created.solution());
    }

    @GetMapping("/{municipality}/solutions/{id}")
    SolutionView solution(@PathVariable String municipality, @PathVariable long id,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, false);
        return catalogue.solution(municipality, id);
    }

    @Operation(summary = "Change a solution; with version, only if nobody changed it meanwhile (else 409)")
    @PutMapping("/{municipality}/solutions/{id}")
    SolutionView change(@PathVariable String municipality, @PathVariable long id,
            @Valid @RequestBody SolutionRequest body, @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        return catalogue.change(municipality, id, body.version(), body.fields(), user.userId());
    }

    @Operation(summary = "Confirm the solution is still right (clears the twelve-month flag)")
    @PostMapping("/{municipality}/solutions/{id}/review")
    SolutionView review(@PathVariable String municipality, @PathVariable long id,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        return catalogue.review(municipality, id, user.userId());
    }

    @DeleteMapping("/{municipality}/solutions/{id}")
    ResponseEntity<Void> remove(@PathVariable String municipality, @PathVariable long id,
            @RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        catalogue.remove(municipality, id, version, user.userId());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Every version of the solution: who, when, what")
    @GetMapping("/{municipality}/solutions/{id}/history")
    List<SolutionVersion> history(@PathVariable String municipality, @PathVariable long id,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, false);
        return catalogue.history(municipality, id);
    }

    @GetMapping("/{municipality}/synonyms")
    Map<String, String> synonyms(@PathVariable String municipality, @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, false);
        return catalogue.synonymsOf(municipality);
    }

    @Operation(summary = "A word citizens use (term) for what the catalogue calls otherwise (means)")
    @PutMapping("/{municipality}/synonyms/{term}")
    Map<String, String> setSynonym(@PathVariable String municipality, @PathVariable String term,
            @Valid @RequestBody SynonymRequest body, @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        catalogue.setSynonym(municipality, term, body.means());
        return catalogue.synonymsOf(municipality);
    }

    @Operation(summary = "Editors' report: what was searched for without a hit, most frequent first")
    @GetMapping("/{municipality}/missed-searches")
    List<MissedSearch> missedSearches(@PathVariable String municipality,
            @AuthenticationPrincipal CurrentUser user) {
        requireAccess(user, municipality, true);
        return catalogue.missedSearches(municipality);
    }

    private static void requireMunicipalityParameter(String municipality) {
        if (municipality == null || municipality.isBlank()) {
            throw new InvalidSelfServiceInput("municipality", "is required");
        }
    }

    /** Members of the municipality read; its editors and process owners change. */
    private static void requireAccess(CurrentUser user, String municipality, boolean change) {
        if (!user.canAccess(municipality)
                || (change && !(user.isMemberOf(Groups.EDITOR) || user.isMemberOf(Groups.PROCESS_OWNER)))) {
            throw new AccessRefused("Not allowed for " + municipality);
        }
    }

    record LinkRequest(@NotBlank @Size(max = 500) String url, @Size(max = 200) String title) {
    }

    record SolutionRequest(String topic, Long version, String title, String url, String description,
            Boolean mitidRequired, String withoutMitid, String keywords) {

        SolutionFields fields() {
            return new SolutionFields(title, url, description, mitidRequired == null || mitidRequired, withoutMitid,
                    keywords);
        }
    }

    record SynonymRequest(@NotBlank @Size(max = 200) String means) {
    }
}
