package dk.borgerflow.reporting;

import java.time.YearMonth;
import java.util.List;

/**
 * A month's shifts of the shared contact center and the yearly cost, split among the members by
 * population or by the previous month's calls (largest remainder, see {@link Apportionment}).
 */
public record ShiftPlan(YearMonth month, String basis, String basisPeriod, long totalShifts, long yearlyCost,
        List<Member> members) {

    public record Member(String municipality, String name, long weight, double sharePercent, long shifts,
            long yearlyCost) {
    }
}
