package dk.borgerflow.operations;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test profile only: an endpoint that fails unexpectedly, with personal data in the exception. */
@RestController
@Profile("test")
class FaultInjectionController {

    static final String PATH = "/api/test-faults/unexpected";

    @GetMapping(PATH)
    String unexpected(@RequestParam String cpr) {
        throw new IllegalStateException("lookup failed for citizen " + cpr,
                new IllegalArgumentException("no row for cpr " + cpr));
    }
}
