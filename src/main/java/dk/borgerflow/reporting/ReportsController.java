package dk.borgerflow.reporting;

import dk.borgerflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Rapporter", description = "KPIs, shifts and cost of the shared contact center, for managers")
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final KpiService kpis;
    private final ShiftService shifts;
    private final ReportAccess access;
    private final ReportingProperties properties;

    ReportsController(KpiService kpis, ShiftService shifts, ReportAccess access, ReportingProperties properties) {
        this.kpis = kpis;
        this.shifts = shifts;
        this.access = access;
        this.properties = properties;
    }

    @Operation(summary = "KPIs of your municipalities (or one) for a period, grouped",
            description = "groupBy: none, day, week, month (default), municipality, channel, tier, topic; "
                    + "format=csv for CSV. Definitions in docs/reports.md.")
    @GetMapping("/kpi")
    ResponseEntity<?> kpi(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String repeatWindowDays,
            @RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user) {
        List<String> municipalities = access.municipalities(user, municipality);
        LocalDate f = ReportParameters.date("from", from);
        LocalDate t = ReportParameters.date("to", to);
        ReportParameters.range(f, t);
        String g = ReportParameters.groupBy(groupBy);
        var window = ReportParameters.repeatWindow(repeatWindowDays, properties.repeatWindow());
        boolean csv = ReportParameters.csv(format);
        Kpis report = kpis.kpis(municipalities, f, t, g, window);
        return csv ? csv(ReportCsv.kpis(report), "kpi-" + f + "-" + t + ".csv") : ResponseEntity.ok(report);
    }

    @Operation(summary = "The shared center's shifts for a month and its yearly cost, split among the members",
            description = "basis: population or calls (the previous month's phone calls); largest remainder; "
                    + "format=csv for CSV")
    @GetMapping("/shifts")
    ResponseEntity<?> shifts(@RequestParam(required = false) String month,
            @RequestParam(required = false) String totalShifts, @RequestParam(required = false) String basis,
            @RequestParam(required = false) String yearlyCost, @RequestParam(required = false) String format,
            @AuthenticationPrincipal CurrentUser user) {
        requireSharedCenterManager(user);
        YearMonth m = ReportParameters.month(month);
        long total = ReportParameters.positive("totalShifts", totalShifts, 10_000, null);
        long cost = ReportParameters.positive("yearlyCost", yearlyCost, 1_000_000_000L, properties.yearlyCost());
        String b = basis == null || basis.isBlank() ? "population" : basis.trim();
        boolean csv = ReportParameters.csv(format);
        ShiftPlan plan = shifts.plan(m, total, b, cost);
        return csv ? csv(ReportCsv.shifts(plan), "vagtplan-" + m + ".csv") : ResponseEntity.ok(plan);
    }

    /** The plan concerns every member: managers of at least one member municipality may see it. */
    private void requireSharedCenterManager(CurrentUser user) {
        access.requireManager(user);
        if (properties.sharedCenter().stream().noneMatch(user::canAccess)) {
            throw new dk.borgerflow.security.AccessRefused("Not a member of the shared contact center");
        }
    }

    private static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
