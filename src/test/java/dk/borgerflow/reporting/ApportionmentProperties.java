package dk.borgerflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Largest-remainder apportionment: sums match, nothing negative, the members' order does not matter. */
class ApportionmentProperties {

    @Property
    void thePartsAlwaysSumToTheTotalAndNoneIsNegative(@ForAll @LongRange(max = 1_000_000) long total,
            @ForAll("weights") Map<String, Long> weights) {
        Map<String, Long> parts = Apportionment.largestRemainder(total, weights);

        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(parts.values()).allMatch(p -> p >= 0);
        assertThat(parts.keySet()).containsExactlyInAnyOrderElementsOf(weights.keySet());
    }

    @Property
    void eachPartIsItsQuotaRoundedDownOrUp(@ForAll @LongRange(max = 100_000) long total,
            @ForAll("weights") Map<String, Long> weights) {
        double sum = weights.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> parts = Apportionment.largestRemainder(total, weights);

        weights.forEach((member, weight) -> {
            double quota = total * weight / sum;
            assertThat((double) parts.get(member)).isBetween(Math.floor(quota) - 1e-9, Math.ceil(quota) + 1e-9);
        });
    }

    @Property
    void reorderingTheMembersChangesNothing(@ForAll @LongRange(max = 10_000) long total,
            @ForAll("weights") Map<String, Long> weights, @ForAll long seed) {
        List<String> shuffled = new ArrayList<>(weights.keySet());
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, Long> reordered = new LinkedHashMap<>();
        shuffled.forEach(m -> reordered.put(m, weights.get(m)));

        assertThat(Apportionment.largestRemainder(total, reordered))
                .isEqualTo(Apportionment.largestRemainder(total, weights));
    }

    @Example
    void slagelsesTenShiftsByPopulation() {
        Map<String, Long> population = new LinkedHashMap<>();
        population.put("fredensborg", 41_000L);
        population.put("frederikssund", 46_000L);
        population.put("furesoe", 41_500L);
        population.put("egedal", 44_000L);
        population.put("holbaek", 72_500L);
        population.put("soroe", 30_000L);
        population.put("roskilde", 90_000L);
        population.put("naestved", 84_000L);
        population.put("slagelse", 80_000L);

        // quotas (×10/529,000): roskilde 1.70, naestved 1.59, slagelse 1.51, holbaek 1.37, frederikssund
        // 0.87, egedal 0.83, furesoe 0.78, fredensborg 0.78, soroe 0.57: four whole shifts, six by remainder
        assertThat(Apportionment.largestRemainder(10, population)).containsExactly(Map.entry("egedal", 1L),
                Map.entry("fredensborg", 1L), Map.entry("frederikssund", 1L), Map.entry("furesoe", 1L),
                Map.entry("holbaek", 1L), Map.entry("naestved", 2L), Map.entry("roskilde", 2L),
                Map.entry("slagelse", 1L), Map.entry("soroe", 0L));
        Map<String, Long> cost = Apportionment.largestRemainder(76_000, population);
        assertThat(cost.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(76_000);
        assertThat(cost).containsEntry("holbaek", 10_416L).containsEntry("frederikssund", 6_609L)
                .containsEntry("slagelse", 11_494L).containsEntry("roskilde", 12_930L);
    }

    @Example
    void tiesGoToTheLargerWeightThenAlphabetically() {
        assertThat(Apportionment.largestRemainder(1, Map.of("b", 1L, "a", 1L))).containsEntry("a", 1L)
                .containsEntry("b", 0L);
        assertThat(Apportionment.largestRemainder(2, Map.of("a", 1L, "b", 2L, "c", 3L)))
                .containsEntry("c", 1L).containsEntry("b", 1L).containsEntry("a", 0L);
    }

    @Example
    void refusesNegativeWeightsAndWeightsSummingToZero() {
        assertThatThrownBy(() -> Apportionment.largestRemainder(5, Map.of("a", -1L, "b", 3L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Apportionment.largestRemainder(5, Map.of("a", 0L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Map<String, Long>> weights() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        // small weights make ties and zero parts likely, large ones realistic populations
        Arbitrary<Long> weight = Arbitraries.oneOf(Arbitraries.longs().between(0, 10),
                Arbitraries.longs().between(0, 200_000));
        return Arbitraries.maps(names, weight).ofMinSize(1).ofMaxSize(12)
                .filter(m -> m.values().stream().mapToLong(Long::longValue).sum() > 0);
    }
}
