package uk.org.earlyhelp.gateway.matching.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.AgencyRecord;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.SubjectRecord;
import uk.org.earlyhelp.gateway.matching.scoring.EmWeightEstimation;
import uk.org.earlyhelp.gateway.matching.scoring.MatchWeights;
import uk.org.earlyhelp.gateway.matching.scoring.Nicknames;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;

/**
 * Not a test: the matching yardstick. Generates a population and agency records with known truth, runs
 * the current deterministic matcher (the real PersonIndex and Families SQL on an embedded PostgreSQL),
 * Duke and the Fellegi–Sunter scorer (matching/scoring) on the same records, and prints pairwise
 * precision, recall and F1 for persons and families and the lookup time per record. Skipped unless
 * {@code -Dbench=true}; run it with
 *
 * <pre>./mvnw -B -pl gateway -am test -Dtest=MatchingBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Options: {@code -Dbench.persons=100000}, {@code -Dbench.recordsPerFamily=1.5},
 * {@code -Dbench.corruption=moderate} (none, low, moderate, high), {@code -Dbench.seed=6},
 * {@code -Dbench.duke=false} to leave Duke out.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class MatchingBench {

    @Test
    void currentMatcherAgainstDuke() throws Exception {
        int target = Integer.getInteger("bench.persons", 100_000);
        double perFamily = Double.parseDouble(System.getProperty("bench.recordsPerFamily", "1.5"));
        Corruption.Level level = Corruption.Level.valueOf(
                System.getProperty("bench.corruption", "moderate").toUpperCase(Locale.ROOT));
        long seed = Long.getLong("bench.seed", 6);

        long t0 = System.nanoTime();
        SyntheticPopulation population = SyntheticPopulation.generate(seed, target);
        List<AgencyRecord> records = AgencyRecords.generate(population, perFamily, level, seed + 1);
        List<SubjectRecord> subjects = records.stream().flatMap(r -> r.subjects().stream()).toList();
        int[] recordOf = records.stream().flatMapToInt(r -> r.subjects().stream().mapToInt(s -> r.id())).toArray();
        List<Integer> truePersons = subjects.stream().map(SubjectRecord::truePersonId).toList();
        List<Integer> trueFamilies = subjects.stream().map(SubjectRecord::trueFamilyId).toList();
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        long distinctPersons = truePersons.stream().distinct().count();

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, """
                ==== matching benchmark (seed %d, corruption %s) ====
                population   %,d persons in %,d families; %,d agency records naming %,d subjects (%,d distinct persons); generated in %.1f s
                corruptions  %s
                """, seed, level.name().toLowerCase(Locale.ROOT), population.persons().size(), population.families().size(),
                records.size(), subjects.size(), distinctPersons, generateSeconds, corruptionCounts(subjects)));

        CurrentMatcherRun.Result current;
        try (CurrentMatcherRun run = new CurrentMatcherRun()) {
            current = run.run(records, 20_000);
        }
        LinkageMetrics currentPersons = LinkageMetrics.of(current.persons(), truePersons);
        LinkageMetrics currentFamilies = LinkageMetrics.of(current.families(), trueFamilies);
        out.append(String.format(Locale.ROOT, "%-48s %9s %9s %9s %12s %12s %12s%n", "", "precision", "recall", "F1",
                "TP pairs", "linked pairs", "true pairs"));
        row(out, "persons  current deterministic (PostgreSQL)", currentPersons);
        row(out, "families current household rules", currentFamilies);

        DukeRun.Result duke = null;
        if (Boolean.parseBoolean(System.getProperty("bench.duke", "true"))) {
            duke = DukeRun.run(subjects, recordOf);
            row(out, "persons  Duke 1.2 (threshold " + DukeRun.THRESHOLD + ")", LinkageMetrics.of(duke.persons(), truePersons));
            row(out, "families Duke persons + household rules", LinkageMetrics.of(duke.families(), trueFamilies));
        }
        PersonScorer scorer = PersonScorer.standard();
        FellegiSunterRun.Result fs = FellegiSunterRun.run(subjects, recordOf, scorer);
        FellegiSunter tuned = tune(fs, subjects.size(), truePersons);
        double shippedMatch = scorer.weights().thresholds().match();
        double shippedReview = scorer.weights().thresholds().review();
        UnionFind fsShipped = FellegiSunterRun.persons(subjects.size(), fs.pairs(), shippedMatch);
        row(out, String.format(Locale.ROOT, "persons  Fellegi-Sunter (match %.1f, shipped)", shippedMatch),
                LinkageMetrics.of(FellegiSunterRun.clusters(fsShipped, subjects.size()), truePersons));
        row(out, "families FS persons + household rules", LinkageMetrics.of(DukeRun.families(subjects, recordOf, fsShipped),
                trueFamilies));
        UnionFind fsTuned = FellegiSunterRun.persons(subjects.size(), fs.pairs(), tuned.match());
        row(out, String.format(Locale.ROOT, "persons  FS tuned here (match %.1f)", tuned.match()),
                LinkageMetrics.of(FellegiSunterRun.clusters(fsTuned, subjects.size()), truePersons));
        // The gateway's own EM (--estimate-match-weights), on the same candidate pairs without the truth.
        MatchWeights emWeights = EmWeightEstimation.estimate(
                fs.pairs().stream().map(p -> FellegiSunterRun.levels(p.levels())).toList(), scorer.weights(), 30);
        PersonScorer em = new PersonScorer(emWeights, Nicknames.load());
        FellegiSunterRun.Result emScored = new FellegiSunterRun.Result(fs.pairs().stream()
                .map(p -> new FellegiSunterRun.Pair(p.a(), p.b(), em.total(FellegiSunterRun.levels(p.levels())),
                        p.same(), p.levels())).toList(),
                fs.lookupNanos(), fs.seconds(), fs.candidatePairs(), EmWeightEstimation.yaml(emWeights));
        FellegiSunter emTuned = tune(emScored, subjects.size(), truePersons);
        row(out, String.format(Locale.ROOT, "persons  FS, EM weights, tuned (match %.1f)", emTuned.match()),
                LinkageMetrics.of(FellegiSunterRun.clusters(FellegiSunterRun.persons(subjects.size(), emScored.pairs(),
                        emTuned.match()), subjects.size()), truePersons));
        out.append(reviewBand(fs, subjects.size(), truePersons, shippedMatch, shippedReview, "shipped"));
        out.append(reviewBand(fs, subjects.size(), truePersons, tuned.match(), tuned.review(), "tuned here"));
        out.append(reviewBand(emScored, subjects.size(), truePersons, emTuned.match(), emTuned.review(), "EM, tuned here"));
        out.append(String.format(Locale.ROOT, "%ntime per subject (candidate lookup + scoring)     median       p95       p99%n"));
        time(out, "current, while loading the index", current.lookupNanosWhileLoading());
        time(out, String.format(Locale.ROOT, "current, at the full index (%,d persons)", current.indexedPersons()),
                current.lookupNanosFullIndex());
        if (duke != null) {
            time(out, String.format(Locale.ROOT, "Duke, Lucene index of all %,d records", subjects.size()),
                    duke.lookupNanos());
        }
        time(out, String.format(Locale.ROOT, "Fellegi-Sunter, in-memory blocks (%,d cand.)", fs.candidatePairs()),
                fs.lookupNanos());
        out.append(String.format(Locale.ROOT, """
                whole runs   current %.1f s (find/create/enrich + families, one connection)%s
                recall lost  current matcher, true pairs missed by corruption of either record: %s
                machine      %d cores, %s %s, Java %s
                whole run    Fellegi-Sunter %.1f s (blocking + scoring; %,d candidate pairs, %.1f per subject)
                m/u from the truth among candidate pairs (for matching/weights.yaml):
                %s
                m/u by EM from the unlabelled candidate pairs (started from matching/weights.yaml):
                %s
                """, current.seconds(), duke == null ? "" : String.format(Locale.ROOT, "; Duke %.1f s (index + match)",
                duke.seconds()), missedByCorruption(subjects, current.persons()),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), fs.seconds(), fs.candidatePairs(),
                (double) fs.candidatePairs() / subjects.size(), fs.estimatedWeights(), EmWeightEstimation.yaml(emWeights)));
        System.out.println(out);
        assertThat(currentPersons.truePairs()).isPositive();
    }

    record FellegiSunter(double match, double review) {
    }

    /**
     * The thresholds from this run's truth: match = the lowest (in half-bit steps) at which person precision
     * is at least 0.995 (a wrong link discloses one family's data to another); review = the lowest score
     * bin below it in which at least one candidate pair in twenty is a true match.
     */
    static FellegiSunter tune(FellegiSunterRun.Result fs, int n, List<Integer> truth) {
        double match = 60;
        for (double t = 60; t >= -10; t -= 0.5) {
            LinkageMetrics m = LinkageMetrics.of(FellegiSunterRun.clusters(FellegiSunterRun.persons(n, fs.pairs(), t), n), truth);
            if (m.precision() < 0.995) {
                break;
            }
            match = t;
        }
        double review = match;
        for (double t = match - 0.5; t >= -20; t -= 0.5) {
            double low = t;
            long inBin = fs.pairs().stream().filter(p -> p.score() >= low && p.score() < low + 0.5).count();
            long trueInBin = fs.pairs().stream().filter(p -> p.score() >= low && p.score() < low + 0.5 && p.same()).count();
            if (inBin > 0 && trueInBin * 20 >= inBin) {
                review = t;
            }
        }
        return new FellegiSunter(match, review);
    }

    private static String reviewBand(FellegiSunterRun.Result fs, int n, List<Integer> truth, double match, double review,
            String which) {
        long band = fs.pairs().stream().filter(p -> p.score() >= review && p.score() < match).count();
        long trueBand = fs.pairs().stream().filter(p -> p.score() >= review && p.score() < match && p.same()).count();
        UnionFind reviewed = FellegiSunterRun.persons(n, fs.pairs(), match);
        fs.pairs().stream().filter(p -> p.score() >= review && p.score() < match && p.same())
                .forEach(p -> reviewed.union(p.a(), p.b()));
        LinkageMetrics after = LinkageMetrics.of(FellegiSunterRun.clusters(reviewed, n), truth);
        return String.format(Locale.ROOT, "  review band (%s) [%.1f, %.1f): %,d candidate pairs, %,d of them true;"
                + " if reviewers decided all correctly: P %.4f R %.4f F1 %.4f%n", which, review, match, band, trueBand,
                after.precision(), after.recall(), after.f1());
    }

    private static void row(StringBuilder out, String name, LinkageMetrics m) {
        out.append(String.format(Locale.ROOT, "%-48s %9.4f %9.4f %9.4f %,12d %,12d %,12d%n", name, m.precision(),
                m.recall(), m.f1(), m.truePositives(), m.predictedPairs(), m.truePairs()));
    }

    private static void time(StringBuilder out, String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.append(String.format(Locale.ROOT, "%-48s %7.3f ms %7.3f ms %7.3f ms%n", name, percentile(sorted, 0.5),
                percentile(sorted, 0.95), percentile(sorted, 0.99)));
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static Map<Corruption, Integer> corruptionCounts(List<SubjectRecord> subjects) {
        Map<Corruption, Integer> counts = new EnumMap<>(Corruption.class);
        subjects.forEach(s -> s.corruptions().forEach(c -> counts.merge(c, 1, Integer::sum)));
        return counts;
    }

    /**
     * For each corruption kind: of the subjects carrying it whose true person appears earlier uncorrupted
     * by that kind, how many the current matcher put with a different person than that person's first record.
     */
    private static String missedByCorruption(List<SubjectRecord> subjects, List<UUID> predicted) {
        Map<Integer, Integer> firstClean = new HashMap<>();
        Map<Corruption, int[]> missed = new EnumMap<>(Corruption.class);
        int[] clean = new int[2];
        for (int i = 0; i < subjects.size(); i++) {
            SubjectRecord s = subjects.get(i);
            Integer first = firstClean.get(s.truePersonId());
            if (first == null) {
                if (s.corruptions().isEmpty()) {
                    firstClean.put(s.truePersonId(), i);
                }
                continue;
            }
            boolean linked = predicted.get(i).equals(predicted.get(first));
            for (Corruption c : s.corruptions()) {
                int[] counts = missed.computeIfAbsent(c, k -> new int[2]);
                counts[0] += linked ? 0 : 1;
                counts[1]++;
            }
            if (s.corruptions().isEmpty()) {
                clean[0] += linked ? 0 : 1;
                clean[1]++;
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n             %-26s %,7d of %,7d missed (%.0f%%)",
                "(no corruption)", clean[0], clean[1], 100.0 * clean[0] / Math.max(1, clean[1])));
        missed.forEach((c, counts) -> text.append(String.format(Locale.ROOT, "%n             %-26s %,7d of %,7d missed (%.0f%%)",
                c.name().toLowerCase(Locale.ROOT), counts[0], counts[1], 100.0 * counts[0] / counts[1])));
        return text.toString();
    }
}
