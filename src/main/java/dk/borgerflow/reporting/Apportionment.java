package dk.borgerflow.reporting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Largest-remainder (Hamilton) apportionment of a whole {@code total} by weights: each part gets
 * the whole part of its exact quota {@code total × weight / Σweights}; what is left goes, one each,
 * to the largest remainders. Ties are broken by the larger weight, then by the key in alphabetical
 * order, so the result never depends on the order the members are given in. Exact integer
 * arithmetic: the parts always sum to the total, and none is negative.
 */
final class Apportionment {

    private Apportionment() {
    }

    /** The parts by key, in the keys' alphabetical order. */
    static Map<String, Long> largestRemainder(long total, Map<String, Long> weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
        BigInteger sum = BigInteger.ZERO;
        for (Map.Entry<String, Long> w : weights.entrySet()) {
            if (w.getValue() == null || w.getValue() < 0) {
                throw new IllegalArgumentException("weight of " + w.getKey() + " must not be negative");
            }
            sum = sum.add(BigInteger.valueOf(w.getValue()));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("the weights sum to zero");
        }
        record Quota(String key, long weight, long whole, BigInteger remainder) {
        }
        List<Quota> quotas = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, Long> w : weights.entrySet()) {
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(w.getValue())).divideAndRemainder(sum);
            quotas.add(new Quota(w.getKey(), w.getValue(), qr[0].longValueExact(), qr[1]));
            given += qr[0].longValueExact();
        }
        quotas.sort(Comparator.comparing(Quota::remainder).reversed()
                .thenComparing(Comparator.comparingLong(Quota::weight).reversed())
                .thenComparing(Quota::key));
        Map<String, Long> parts = new java.util.TreeMap<>();
        long left = total - given;
        for (Quota q : quotas) {
            parts.put(q.key(), q.whole() + (left-- > 0 ? 1 : 0));
        }
        return new LinkedHashMap<>(parts);
    }
}
