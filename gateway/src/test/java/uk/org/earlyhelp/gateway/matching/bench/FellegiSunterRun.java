package uk.org.earlyhelp.gateway.matching.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.SubjectRecord;
import uk.org.earlyhelp.gateway.matching.scoring.BlockingKeys;
import uk.org.earlyhelp.gateway.matching.scoring.Field;
import uk.org.earlyhelp.gateway.matching.scoring.Level;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * The Fellegi–Sunter scorer ({@code matching/scoring}) on the same subjects, in arrival order: each subject's
 * candidates are the earlier subjects sharing a blocking key (an in-memory index standing in for the
 * PostgreSQL indexes that are the next step), each candidate is scored, and pairs at or above the match
 * threshold are linked and closed transitively. Scores are kept, so the thresholds can be swept afterwards
 * and the m/u probabilities re-estimated from the generator's truth.
 */
final class FellegiSunterRun {

    /** A scored candidate pair: the two subjects, the total weight and whether they are one person in truth. */
    record Pair(int a, int b, double score, boolean same, byte[] levels) {
    }

    record Result(List<Pair> pairs, long[] lookupNanos, double seconds, long candidatePairs, String estimatedWeights) {
    }

    /** A block bigger than this is scanned only for its latest entries, bounding the cost of common keys. */
    static final int MAX_BLOCK = 400;

    static Result run(List<SubjectRecord> subjects, int[] recordOf, PersonScorer scorer) {
        long start = System.nanoTime();
        Map<String, List<Integer>> index = new HashMap<>();
        List<Pair> pairs = new ArrayList<>();
        long[] nanos = new long[subjects.size()];
        long candidatePairs = 0;
        Map<Field, Map<Level, long[]>> counts = new EnumMap<>(Field.class);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i).subject();
            long t0 = System.nanoTime();
            List<String> keys = BlockingKeys.of(subject);
            seen.clear();
            List<Pair> found = new ArrayList<>();
            List<Map<Field, Level>> levels = new ArrayList<>();
            for (String key : keys) {
                List<Integer> block = index.get(key);
                if (block == null) {
                    continue;
                }
                for (int k = Math.max(0, block.size() - MAX_BLOCK); k < block.size(); k++) {
                    int j = block.get(k);
                    // People named in one record are different people: never a candidate.
                    if (recordOf[j] == recordOf[i] || !seen.add(j)) {
                        continue;
                    }
                    Map<Field, Level> l = scorer.levels(subject, subjects.get(j).subject());
                    levels.add(l);
                    found.add(new Pair(j, i, scorer.total(l), false, ordinals(l)));
                }
            }
            nanos[i] = System.nanoTime() - t0;
            for (String key : keys) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
            candidatePairs += found.size();
            for (int n = 0; n < found.size(); n++) {
                Pair p = found.get(n);
                boolean same = subjects.get(p.a()).truePersonId() == subjects.get(i).truePersonId();
                pairs.add(new Pair(p.a(), i, p.score(), same, p.levels()));
                levels.get(n).forEach((field, level) -> counts.computeIfAbsent(field, f -> new EnumMap<>(Level.class))
                        .computeIfAbsent(level, x -> new long[2])[same ? 0 : 1]++);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(pairs, nanos, seconds, candidatePairs, estimate(counts));
    }

    /**
     * m and u per level from the truth, among blocked candidate pairs and non-missing values, with add-half
     * smoothing so that no level gets a probability of 0; printed in the form of {@code matching/weights.yaml}.
     */
    private static String estimate(Map<Field, Map<Level, long[]>> counts) {
        StringBuilder yaml = new StringBuilder("fields:\n");
        counts.forEach((field, levels) -> {
            long same = 0;
            long different = 0;
            int n = 0;
            for (Map.Entry<Level, long[]> e : levels.entrySet()) {
                if (e.getKey() != Level.MISSING) {
                    same += e.getValue()[0];
                    different += e.getValue()[1];
                    n++;
                }
            }
            yaml.append("  ").append(field).append(":\n");
            for (Map.Entry<Level, long[]> e : levels.entrySet()) {
                if (e.getKey() == Level.MISSING) {
                    continue;
                }
                double m = (e.getValue()[0] + 0.5) / (same + 0.5 * n);
                double u = (e.getValue()[1] + 0.5) / (different + 0.5 * n);
                yaml.append(String.format(Locale.ROOT, "    %s: {m: %.6g, u: %.6g}   # %,d same, %,d different%n",
                        e.getKey(), m, u, e.getValue()[0], e.getValue()[1]));
            }
        });
        return yaml.toString();
    }

    /** The level of each field, by {@link Field} ordinal, for re-scoring with other weights (EM). */
    static byte[] ordinals(Map<Field, Level> levels) {
        byte[] ordinals = new byte[Field.values().length];
        levels.forEach((field, level) -> ordinals[field.ordinal()] = (byte) level.ordinal());
        return ordinals;
    }

    /** The inverse of {@link #ordinals}. */
    static Map<Field, Level> levels(byte[] ordinals) {
        Map<Field, Level> levels = new java.util.EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            levels.put(field, Level.values()[ordinals[field.ordinal()]]);
        }
        return levels;
    }

    /** Persons when every pair at or above {@code threshold} is linked (transitively). */
    static UnionFind persons(int n, List<Pair> pairs, double threshold) {
        UnionFind persons = new UnionFind(n);
        for (Pair p : pairs) {
            if (p.score() >= threshold) {
                persons.union(p.a(), p.b());
            }
        }
        return persons;
    }

    static List<Integer> clusters(UnionFind persons, int n) {
        List<Integer> of = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            of.add(persons.find(i));
        }
        return of;
    }
}
