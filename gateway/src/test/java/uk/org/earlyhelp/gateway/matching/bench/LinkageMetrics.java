package uk.org.earlyhelp.gateway.matching.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairwise precision, recall and F1 of a clustering against the truth: a pair of records is a predicted
 * link when both got the same predicted cluster, a true link when both belong to the same true cluster.
 * Counted from cluster sizes, so it costs one pass, not n² pairs.
 */
record LinkageMetrics(long truePositives, long predictedPairs, long truePairs) {

    /** @param predicted the predicted cluster of each record; @param truth the true cluster, index for index */
    static <P, T> LinkageMetrics of(List<P> predicted, List<T> truth) {
        if (predicted.size() != truth.size()) {
            throw new IllegalArgumentException("one prediction per record: " + predicted.size() + " != " + truth.size());
        }
        Map<P, Long> predictedSizes = new HashMap<>();
        Map<T, Long> trueSizes = new HashMap<>();
        Map<Map.Entry<P, T>, Long> both = new HashMap<>();
        for (int i = 0; i < predicted.size(); i++) {
            P p = Objects.requireNonNull(predicted.get(i), "every record has a predicted cluster");
            T t = Objects.requireNonNull(truth.get(i), "every record has a true cluster");
            predictedSizes.merge(p, 1L, Long::sum);
            trueSizes.merge(t, 1L, Long::sum);
            both.merge(Map.entry(p, t), 1L, Long::sum);
        }
        return new LinkageMetrics(pairs(both), pairs(predictedSizes), pairs(trueSizes));
    }

    private static long pairs(Map<?, Long> sizes) {
        return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    /** Of the pairs linked, the share that are the same in truth (1 when nothing was linked). */
    double precision() {
        return predictedPairs == 0 ? 1 : (double) truePositives / predictedPairs;
    }

    /** Of the true pairs, the share linked (1 when there are none). */
    double recall() {
        return truePairs == 0 ? 1 : (double) truePositives / truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
