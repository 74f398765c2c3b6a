package uk.org.earlyhelp.gateway.matching.scoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expectation–maximisation of the Fellegi–Sunter m and u probabilities from unlabelled candidate pairs,
 * as a council's own records need (nobody knows which of them are the same person). The E step gives each
 * pair its probability of being a match under the current m, u and match share (fields independent given
 * match status, MISSING skipped); the M step re-estimates m and u as those probabilities' weighted level
 * frequencies. It starts from the weights in force, keeps their thresholds, and only re-estimates levels
 * the pairs actually show (the others keep their weights).
 */
public final class EmWeightEstimation {

    /** No probability is let reach 0 or 1: a level would otherwise weigh infinitely. */
    private static final double FLOOR = 1e-6;

    private EmWeightEstimation() {
    }

    /**
     * @param pairs      each candidate pair's level per field ({@link PersonScorer#levels})
     * @param start      the weights in force
     * @param iterations EM rounds (30 is ample: the estimates settle within about ten)
     */
    public static MatchWeights estimate(List<Map<Field, Level>> pairs, MatchWeights start, int iterations) {
        int fields = Field.values().length;
        int levels = Level.values().length;
        int missing = Level.MISSING.ordinal();
        double[][] m = new double[fields][levels];
        double[][] u = new double[fields][levels];
        for (Map<Field, Level> pair : pairs) {
            for (Map.Entry<Field, Level> e : pair.entrySet()) {
                Level level = e.getValue();
                if (level != Level.MISSING && m[e.getKey().ordinal()][level.ordinal()] == 0) {
                    MatchWeights.Probabilities p = start.fields().getOrDefault(e.getKey(), Map.of()).get(level);
                    m[e.getKey().ordinal()][level.ordinal()] = p == null ? 0.01 : p.m();
                    u[e.getKey().ordinal()][level.ordinal()] = p == null ? 0.01 : p.u();
                }
            }
        }
        double share = 0.1;
        for (int round = 0; round < iterations && !pairs.isEmpty(); round++) {
            double[][] mSum = new double[fields][levels];
            double[][] uSum = new double[fields][levels];
            double matchSum = 0;
            for (Map<Field, Level> pair : pairs) {
                double logOdds = Math.log(share / (1 - share));
                for (Map.Entry<Field, Level> e : pair.entrySet()) {
                    int f = e.getKey().ordinal();
                    int l = e.getValue().ordinal();
                    if (l != missing) {
                        logOdds += Math.log(m[f][l] / u[f][l]);
                    }
                }
                double matchProbability = 1 / (1 + Math.exp(-logOdds));
                matchSum += matchProbability;
                for (Map.Entry<Field, Level> e : pair.entrySet()) {
                    int l = e.getValue().ordinal();
                    if (l != missing) {
                        mSum[e.getKey().ordinal()][l] += matchProbability;
                        uSum[e.getKey().ordinal()][l] += 1 - matchProbability;
                    }
                }
            }
            share = Math.min(1 - FLOOR, Math.max(FLOOR, matchSum / pairs.size()));
            for (int f = 0; f < fields; f++) {
                double mTotal = 0;
                double uTotal = 0;
                for (int l = 0; l < levels; l++) {
                    mTotal += mSum[f][l];
                    uTotal += uSum[f][l];
                }
                for (int l = 0; l < levels; l++) {
                    if (m[f][l] > 0) {
                        m[f][l] = clamp(mSum[f][l] / Math.max(FLOOR, mTotal));
                        u[f][l] = clamp(uSum[f][l] / Math.max(FLOOR, uTotal));
                    }
                }
            }
        }
        Map<Field, Map<Level, MatchWeights.Probabilities>> estimated = new EnumMap<>(Field.class);
        start.fields().forEach((field, byLevel) -> {
            Map<Level, MatchWeights.Probabilities> copy = new EnumMap<>(Level.class);
            copy.putAll(byLevel);
            estimated.put(field, copy);
        });
        for (Field field : Field.values()) {
            for (Level level : Level.values()) {
                if (m[field.ordinal()][level.ordinal()] > 0) {
                    estimated.computeIfAbsent(field, f -> new EnumMap<>(Level.class)).put(level,
                            new MatchWeights.Probabilities(m[field.ordinal()][level.ordinal()],
                                    u[field.ordinal()][level.ordinal()]));
                }
            }
        }
        String source = String.format(Locale.ROOT, "EM on %d candidate pairs, %d rounds, estimated match share %.4f",
                pairs.size(), iterations, share);
        return new MatchWeights(source, start.thresholds(), estimated);
    }

    private static double clamp(double probability) {
        return Math.min(1 - FLOOR, Math.max(FLOOR, probability));
    }

    /** The weights as the YAML {@link MatchWeights#read} takes, each level with its weight as a comment. */
    public static String yaml(MatchWeights weights) {
        StringBuilder out = new StringBuilder();
        out.append("# Fellegi-Sunter parameters estimated by EM from this gateway's own persons (--estimate-match-weights).\n")
                .append("# Review them (and the thresholds) before pointing gateway.matching.weights at this file.\n")
                .append("source: \"").append(weights.source()).append("\"\n")
                .append(String.format(Locale.ROOT, "thresholds:%n  match: %s%n  review: %s%nfields:%n",
                        weights.thresholds().match(), weights.thresholds().review()));
        for (Field field : Field.values()) {
            Map<Level, MatchWeights.Probabilities> byLevel = weights.fields().get(field);
            if (byLevel == null || byLevel.isEmpty()) {
                continue;
            }
            out.append("  ").append(field).append(":\n");
            for (Level level : Level.values()) {
                MatchWeights.Probabilities p = byLevel.get(level);
                if (p != null) {
                    out.append(String.format(Locale.ROOT, "    %s: {m: %.6g, u: %.6g}   # weight %.2f%n", level, p.m(),
                            p.u(), p.weight()));
                }
            }
        }
        return out.toString();
    }
}
