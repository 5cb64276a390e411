package dk.borgerflow.selfservice;

import dk.borgerflow.deadline.OpeningHours;
import dk.borgerflow.deadline.WorkingTime;
import dk.borgerflow.municipality.Tier;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The opening hours of a municipality's Borgerservice (desk tier of the working-time calendar) in words. */
@Component
class DeskHours {

    private static final String[] DA = {"man", "tir", "ons", "tor", "fre", "lør", "søn"};
    private static final String[] SV = {"mån", "tis", "ons", "tor", "fre", "lör", "sön"};

    private final WorkingTime workingTime;

    DeskHours(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    /** e.g. "man–fre 10.00–18.00" (Danish) or "mån–fre 10.00–18.00" (Swedish); days with the same hours joined. */
    String of(String municipality, String language) {
        OpeningHours hours = workingTime.calendar(municipality, Tier.DESK).openingHours();
        String[] names = "sv".equals(language) ? SV : DA;
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < 7) {
            Optional<OpeningHours.Span> span = hours.on(days[i]);
            if (span.isEmpty()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < 7 && hours.on(days[j + 1]).equals(span)) {
                j++;
            }
            String time = span.get().opens().toString().replace(':', '.') + "–"
                    + span.get().closes().toString().replace(':', '.');
            parts.add((i == j ? names[i] : names[i] + "–" + names[j]) + " " + time);
            i = j + 1;
        }
        return String.join(", ", parts);
    }
}
