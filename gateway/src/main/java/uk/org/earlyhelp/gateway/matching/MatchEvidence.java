package uk.org.earlyhelp.gateway.matching;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.org.earlyhelp.gateway.matching.scoring.Field;
import uk.org.earlyhelp.gateway.matching.scoring.Level;
import uk.org.earlyhelp.gateway.matching.scoring.MatchWeights;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;

/**
 * Why a pair scored what it did, in a form fit for the audit and a reviewer: the total, the thresholds,
 * and each field's comparison level and weight. Levels and weights only, never the values compared.
 * Numbers are rounded to hundredths of a bit, which also keeps them stable through the audit's JSON round
 * trip (the hash chain re-serialises them).
 */
public final class MatchEvidence {

    private MatchEvidence() {
    }

    public static Map<String, Object> of(PersonScorer.Score score, MatchWeights weights) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<Field, Level> e : score.levels().entrySet()) {
            fields.put(e.getKey().name(), Map.of("level", e.getValue().name(),
                    "weight", round(weights.weight(e.getKey(), e.getValue()))));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("score", round(score.total()));
        evidence.put("matchThreshold", weights.thresholds().match());
        evidence.put("reviewThreshold", weights.thresholds().review());
        evidence.put("fields", fields);
        return evidence;
    }

    static double round(double bits) {
        return Math.round(bits * 100) / 100.0;
    }
}
