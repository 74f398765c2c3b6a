package uk.org.earlyhelp.gateway.matching.bench;

import java.util.List;
import java.util.Locale;

import uk.org.earlyhelp.gateway.matching.scoring.Field;
import uk.org.earlyhelp.gateway.matching.scoring.Level;
import uk.org.earlyhelp.gateway.matching.scoring.MatchWeights;

/**
 * Expectation-maximisation of m, u and the match share from unlabelled candidate pairs (their levels only,
 * never the truth), as real records would need: the E step gives each pair its probability of being a
 * match under the current m/u (fields assumed independent given match status, MISSING skipped); the M step
 * re-estimates m and u as those probabilities' weighted level frequencies. Started from given weights.
 */
final class EmEstimator {

    /** m[field][level], u[field][level] and the share of candidate pairs that are matches. */
    record Estimate(double[][] m, double[][] u, double matchShare, int iterations) {

        double weight(int field, int level) {
            return level == Level.MISSING.ordinal() ? 0 : Math.log(m[field][level] / u[field][level]) / Math.log(2);
        }

        double total(byte[] levels) {
            double total = 0;
            for (int f = 0; f < levels.length; f++) {
                total += weight(f, levels[f]);
            }
            return total;
        }

        String yaml() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "# match share %.4f after %d iterations%nfields:%n",
                    matchShare, iterations));
            for (Field field : Field.values()) {
                out.append("  ").append(field).append(":\n");
                for (Level level : Level.values()) {
                    if (level != Level.MISSING && m[field.ordinal()][level.ordinal()] > 0) {
                        out.append(String.format(Locale.ROOT, "    %s: {m: %.4g, u: %.4g}%n", level,
                                m[field.ordinal()][level.ordinal()], u[field.ordinal()][level.ordinal()]));
                    }
                }
            }
            return out.toString();
        }
    }

    private static final double FLOOR = 1e-6;

    static Estimate estimate(List<FellegiSunterRun.Pair> pairs, MatchWeights start, int iterations) {
        int fields = Field.values().length;
        int levels = Level.values().length;
        double[][] m = new double[fields][levels];
        double[][] u = new double[fields][levels];
        boolean[][] used = new boolean[fields][levels];
        for (FellegiSunterRun.Pair p : pairs) {
            for (int f = 0; f < fields; f++) {
                used[f][p.levels()[f]] = true;
            }
        }
        for (Field field : Field.values()) {
            for (Level level : Level.values()) {
                MatchWeights.Probabilities pr = start.fields().getOrDefault(field, java.util.Map.of()).get(level);
                if (used[field.ordinal()][level.ordinal()] && level != Level.MISSING) {
                    m[field.ordinal()][level.ordinal()] = pr == null ? 0.01 : pr.m();
                    u[field.ordinal()][level.ordinal()] = pr == null ? 0.01 : pr.u();
                }
            }
        }
        double share = 0.1;
        int missing = Level.MISSING.ordinal();
        for (int it = 0; it < iterations; it++) {
            double[][] mSum = new double[fields][levels];
            double[][] uSum = new double[fields][levels];
            double gSum = 0;
            for (FellegiSunterRun.Pair p : pairs) {
                double logRatio = Math.log(share / (1 - share));
                for (int f = 0; f < fields; f++) {
                    int l = p.levels()[f];
                    if (l != missing) {
                        logRatio += Math.log(m[f][l] / u[f][l]);
                    }
                }
                double g = 1 / (1 + Math.exp(-logRatio));
                gSum += g;
                for (int f = 0; f < fields; f++) {
                    int l = p.levels()[f];
                    if (l != missing) {
                        mSum[f][l] += g;
                        uSum[f][l] += 1 - g;
                    }
                }
            }
            share = Math.min(1 - FLOOR, Math.max(FLOOR, gSum / pairs.size()));
            for (int f = 0; f < fields; f++) {
                double mTotal = 0;
                double uTotal = 0;
                for (int l = 0; l < levels; l++) {
                    mTotal += mSum[f][l];
                    uTotal += uSum[f][l];
                }
                for (int l = 0; l < levels; l++) {
                    if (m[f][l] > 0) {
                        m[f][l] = Math.max(FLOOR, mSum[f][l] / Math.max(FLOOR, mTotal));
                        u[f][l] = Math.max(FLOOR, uSum[f][l] / Math.max(FLOOR, uTotal));
                    }
                }
            }
        }
        return new Estimate(m, u, share, iterations);
    }
}
