package uk.org.earlyhelp.gateway.matching.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import uk.org.earlyhelp.routes.model.Address;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * Fellegi–Sunter: each field's level contributes log2(m/u) bits (positive for agreement, negative for
 * disagreement, 0 when missing); the sum is compared with two thresholds. Independent of storage, so the
 * same scorer serves the benchmark now and the pipeline later.
 */
public final class PersonScorer {

    /** Three outcomes: link, put before a person (clerical review), or treat as different people. */
    public enum Decision { MATCH, REVIEW, NON_MATCH }

    /** The total and the level per field, kept so a reviewer can see why. */
    public record Score(double total, Map<Field, Level> levels, Decision decision) {
    }

    private final MatchWeights weights;
    private final Comparisons comparisons;

    public PersonScorer(MatchWeights weights, Nicknames nicknames) {
        this.weights = weights;
        this.comparisons = new Comparisons(nicknames);
    }

    /** With the weights and nickname table shipped as resources. */
    public static PersonScorer standard() {
        return new PersonScorer(MatchWeights.load(), Nicknames.load());
    }

    public MatchWeights weights() {
        return weights;
    }

    public Map<Field, Level> levels(Subject a, Subject b) {
        Map<Field, Level> levels = new EnumMap<>(Field.class);
        levels.put(Field.GIVEN_NAME, comparisons.givenName(a.givenName(), b.givenName()));
        levels.put(Field.FAMILY_NAME, comparisons.familyName(a.familyName(), b.familyName()));
        levels.put(Field.DATE_OF_BIRTH, comparisons.dateOfBirth(a.dateOfBirth(), b.dateOfBirth()));
        levels.put(Field.POSTCODE, comparisons.postcode(postcode(a), postcode(b)));
        levels.put(Field.SEX, comparisons.sex(a.sex(), b.sex()));
        levels.put(Field.NHS_NUMBER, comparisons.nhsNumber(a.nhsNumber(), b.nhsNumber()));
        levels.put(Field.UPN, comparisons.upn(a.upn(), b.upn()));
        return levels;
    }

    public Score score(Subject a, Subject b) {
        Map<Field, Level> levels = levels(a, b);
        double total = total(levels);
        return new Score(total, Collections.unmodifiableMap(levels), decide(total));
    }

    public double total(Map<Field, Level> levels) {
        double total = 0;
        for (Map.Entry<Field, Level> e : levels.entrySet()) {
            total += weights.weight(e.getKey(), e.getValue());
        }
        return total;
    }

    public Decision decide(double total) {
        if (total >= weights.thresholds().match()) {
            return Decision.MATCH;
        }
        return total >= weights.thresholds().review() ? Decision.REVIEW : Decision.NON_MATCH;
    }

    private static String postcode(Subject s) {
        Address address = s.address();
        return address == null ? null : address.postcode();
    }
}
