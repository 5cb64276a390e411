package dk.borgerflow.inquiry;

import dk.borgerflow.security.AccessRefused;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Vagthund", description = "No citizen lost: open inquiries without process, task or deadline")
@RestController
class WatchdogController {

    private final LostInquiryWatchdog watchdog;

    WatchdogController(LostInquiryWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Operation(summary = "Check now; team leads, managers and admins see their municipalities' findings")
    @GetMapping("/api/watchdog")
    LostInquiryWatchdog.Report check(@AuthenticationPrincipal CurrentUser user) {
        if (!user.isMemberOf(Groups.TEAM_LEAD) && !user.isMemberOf(Groups.MANAGER)) {
            throw new AccessRefused("Team leads, managers and admins only");
        }
        return watchdog.check().visibleTo(user);
    }
}
