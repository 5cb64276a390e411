package dk.borgerflow.reporting;

import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shared center's shift plan and cost split (docs/reports.md, "Shifts and shared cost"). */
@Service
class ShiftService {

    private final NamedParameterJdbcTemplate jdbc;
    private final MunicipalityCatalogue catalogue;
    private final ReportingProperties properties;

    ShiftService(NamedParameterJdbcTemplate jdbc, MunicipalityCatalogue catalogue, ReportingProperties properties) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    ShiftPlan plan(YearMonth month, long totalShifts, String basis, long yearlyCost) {
        List<String> members = properties.sharedCenter();
        Map<String, Long> weights = new LinkedHashMap<>();
        String period;
        if ("population".equals(basis)) {
            period = "indbyggertal";
            for (String m : members) {
                weights.put(m, (long) catalogue.municipality(m).map(Municipality::population).orElse(0));
            }
        } else if ("calls".equals(basis)) {
            // the last complete month before the plan's month (planning next month: last month, not this one)
            YearMonth lastComplete = YearMonth.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                    .toInstant().atZone(java.time.ZoneId.of("Europe/Copenhagen"))).minusMonths(1);
            YearMonth previous = month.minusMonths(1).isAfter(lastComplete) ? lastComplete : month.minusMonths(1);
            period = previous.toString();
            members.forEach(m -> weights.put(m, 0L));
            jdbc.query("select municipality, count(*) from report_inquiry where channel = 'PHONE'"
                    + " and municipality in (:m) and received_day between :from and :to group by municipality",
                    new MapSqlParameterSource("m", members).addValue("from", Date.valueOf(previous.atDay(1)))
                            .addValue("to", Date.valueOf(previous.atEndOfMonth())),
                    rs -> {
                        weights.put(rs.getString(1), rs.getLong(2));
                    });
            if (weights.values().stream().mapToLong(Long::longValue).sum() == 0) {
                throw new InvalidReportParameter("basis", "no calls were recorded in " + previous
                        + "; use basis=population");
            }
        } else {
            throw new InvalidReportParameter("basis", "must be population or calls");
        }
        Map<String, Long> shifts = Apportionment.largestRemainder(totalShifts, weights);
        Map<String, Long> cost = Apportionment.largestRemainder(yearlyCost, weights);
        long sum = weights.values().stream().mapToLong(Long::longValue).sum();
        List<ShiftPlan.Member> result = new ArrayList<>();
        for (String m : shifts.keySet()) {
            String name = catalogue.municipality(m).map(Municipality::name).orElse(m);
            result.add(new ShiftPlan.Member(m, name, weights.get(m), KpiService.percent(weights.get(m), sum),
                    shifts.get(m), cost.get(m)));
        }
        return new ShiftPlan(month, basis, period, totalShifts, yearlyCost, result);
    }
}
