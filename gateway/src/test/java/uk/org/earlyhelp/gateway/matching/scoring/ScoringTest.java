package uk.org.earlyhelp.gateway.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.matching.scoring.MatchWeights.Thresholds;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer.Decision;
import uk.org.earlyhelp.routes.model.Address;
import uk.org.earlyhelp.routes.model.Subject;

class ScoringTest {

    private static final Nicknames NICKNAMES = Nicknames.load();
    private final Comparisons compare = new Comparisons(NICKNAMES);

    @Test
    void givenNameLevels() {
        assertThat(compare.givenName("William", "william")).isEqualTo(Level.EXACT);
        assertThat(compare.givenName("William", "Bill")).isEqualTo(Level.NICKNAME);
        assertThat(compare.givenName("Lizzie", "Elizabeth")).isEqualTo(Level.NICKNAME);
        assertThat(compare.givenName("Margaret", "Peggy")).isEqualTo(Level.NICKNAME);
        assertThat(compare.givenName("Alex", "Alexandra")).isEqualTo(Level.NICKNAME);
        assertThat(compare.givenName("Jonathon", "Jonathan")).isEqualTo(Level.JW_HIGH);
        assertThat(compare.givenName("Aimee", "Amie")).isEqualTo(Level.JW_MEDIUM);
        assertThat(compare.givenName("Bill", "Kate")).isEqualTo(Level.DIFFERENT);
        assertThat(compare.givenName(null, "Kate")).isEqualTo(Level.MISSING);
    }

    @Test
    void familyNameLevels() {
        assertThat(compare.familyName("O'Neill", "oneill")).isEqualTo(Level.EXACT);
        assertThat(compare.familyName("Smith-Jones", "Jones")).isEqualTo(Level.SHARED_PART);
        assertThat(compare.familyName("Richardson", "Richardsen")).isEqualTo(Level.JW_HIGH);
        assertThat(compare.familyName("Smith", "Smyth")).isEqualTo(Level.JW_MEDIUM);
        assertThat(compare.familyName("Coates", "Kotes")).isEqualTo(Level.DIFFERENT);
        assertThat(compare.familyName("Robert", "Rupert")).isEqualTo(Level.PHONETIC);
        assertThat(compare.familyName("Smith", "Patel")).isEqualTo(Level.DIFFERENT);
    }

    @Test
    void soundexAndJaroWinkler() {
        assertThat(Soundex.of("robert")).isEqualTo("R163");
        assertThat(Soundex.of("rupert")).isEqualTo("R163");
        assertThat(Soundex.of("ashcraft")).isEqualTo("A261");
        assertThat(Soundex.of("tymczak")).isEqualTo("T522");
        assertThat(Soundex.of("lee")).isEqualTo("L000");
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void dateOfBirthLevels() {
        LocalDate dob = LocalDate.of(2015, 3, 7);
        assertThat(compare.dateOfBirth(dob, LocalDate.of(2015, 3, 7))).isEqualTo(Level.EXACT);
        assertThat(compare.dateOfBirth(dob, LocalDate.of(2015, 7, 3))).isEqualTo(Level.DAY_MONTH_SWAPPED);
        assertThat(compare.dateOfBirth(dob, LocalDate.of(2015, 3, 8))).isEqualTo(Level.ONE_COMPONENT_OFF);
        assertThat(compare.dateOfBirth(dob, LocalDate.of(2015, 4, 7))).isEqualTo(Level.ONE_COMPONENT_OFF);
        assertThat(compare.dateOfBirth(dob, LocalDate.of(2014, 3, 7))).isEqualTo(Level.ONE_COMPONENT_OFF);
        assertThat(compare.dateOfBirth(LocalDate.of(2015, 3, 31), LocalDate.of(2015, 4, 1))).isEqualTo(Level.ONE_COMPONENT_OFF);
        assertThat(compare.dateOfBirth(dob, LocalDate.of(2014, 4, 7))).isEqualTo(Level.DIFFERENT);
        assertThat(compare.dateOfBirth(dob, null)).isEqualTo(Level.MISSING);
    }

    @Test
    void postcodeLevels() {
        assertThat(compare.postcode("WA7 1AB", "wa71ab")).isEqualTo(Level.EXACT);
        assertThat(compare.postcode("WA7 1AB", "WA7 1XY")).isEqualTo(Level.SAME_SECTOR);
        assertThat(compare.postcode("WA7 1AB", "WA7 2AB")).isEqualTo(Level.SAME_DISTRICT);
        assertThat(compare.postcode("WA7 1AB", "WA8 1AB")).isEqualTo(Level.DIFFERENT);
        assertThat(compare.postcode("M1 1AE", "M11 1AE")).isEqualTo(Level.DIFFERENT);
        assertThat(compare.postcode("WA7", "WA7 1AB")).isEqualTo(Level.MISSING);
    }

    @Test
    void sexLevels() {
        assertThat(compare.sex("F", "female")).isEqualTo(Level.EXACT);
        assertThat(compare.sex("M", "F")).isEqualTo(Level.DIFFERENT);
        assertThat(compare.sex("U", "F")).isEqualTo(Level.MISSING);
        assertThat(compare.sex(null, "F")).isEqualTo(Level.MISSING);
    }

    @Test
    void identifiersCountOnlyWhenValid() {
        assertThat(compare.nhsNumber("9912003888", "991 200 3888")).isEqualTo(Level.AGREE);
        assertThat(compare.nhsNumber("9912003888", "9990452601")).isEqualTo(Level.DISAGREE);
        // invalid check digit: neither agreement nor disagreement, even when equal
        assertThat(compare.nhsNumber("9912003887", "9912003887")).isEqualTo(Level.MISSING);
        assertThat(compare.nhsNumber("9912003887", "9990452601")).isEqualTo(Level.MISSING);
        assertThat(compare.upn("B801200005001", "b801200005001")).isEqualTo(Level.AGREE);
        assertThat(compare.upn("B801200005001", "F876200318042")).isEqualTo(Level.DISAGREE);
        assertThat(compare.upn("A801200005001", "A801200005001")).isEqualTo(Level.MISSING);
        assertThat(BlockingKeys.of(subject("9912003887", "A801200005001", "Amy", "Smith", LocalDate.of(2015, 3, 7), "WA7 1AB")))
                .noneMatch(k -> k.startsWith("nhs:") || k.startsWith("upn:"));
    }

    @Test
    void weightsLoadedFromTheResource() {
        MatchWeights weights = MatchWeights.load();
        assertThat(weights.fields()).containsKeys(Field.values());
        assertThat(weights.weight(Field.NHS_NUMBER, Level.AGREE)).isGreaterThan(10);
        assertThat(weights.weight(Field.NHS_NUMBER, Level.DISAGREE)).isLessThan(-5);
        assertThat(weights.weight(Field.GIVEN_NAME, Level.EXACT)).isGreaterThan(weights.weight(Field.GIVEN_NAME, Level.NICKNAME) - 1)
                .isPositive();
        assertThat(weights.weight(Field.DATE_OF_BIRTH, Level.DIFFERENT)).isNegative();
        assertThat(weights.weight(Field.POSTCODE, Level.MISSING)).isZero();
        assertThat(weights.thresholds().match()).isGreaterThan(weights.thresholds().review());
        MatchWeights.Probabilities p = weights.fields().get(Field.SEX).get(Level.EXACT);
        assertThat(p.weight()).isCloseTo(Math.log(p.m() / p.u()) / Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void badWeightsAreRefused() {
        String yaml = """
                source: test
                thresholds: {match: 1, review: 2}
                fields: {}
                """;
        assertThatThrownBy(() -> MatchWeights.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("review threshold above match");
        assertThatThrownBy(() -> new MatchWeights.Probabilities(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdsGiveThreeOutcomes() {
        // thresholds chosen for the test: the shipped ones are re-estimated data, not something to pin here
        PersonScorer scorer = new PersonScorer(MatchWeights.load().withThresholds(new Thresholds(20, 5)), NICKNAMES);
        assertThat(scorer.decide(20)).isEqualTo(Decision.MATCH);
        assertThat(scorer.decide(19.9)).isEqualTo(Decision.REVIEW);
        assertThat(scorer.decide(5)).isEqualTo(Decision.REVIEW);
        assertThat(scorer.decide(4.9)).isEqualTo(Decision.NON_MATCH);

        Subject bill = subject(null, null, "Bill", "Smith", LocalDate.of(2015, 3, 7), "WA7 1AB");
        Subject william = subject(null, null, "William", "Smith", LocalDate.of(2015, 3, 7), "WA7 1AB");
        Subject stranger = subject(null, null, "Kate", "Patel", LocalDate.of(1980, 6, 1), "M1 1AE");
        PersonScorer.Score same = scorer.score(bill, william);
        scorer = new PersonScorer(MatchWeights.load().withThresholds(new Thresholds(same.total(), same.total() - 10)), NICKNAMES);
        same = scorer.score(bill, william);
        assertThat(same.levels()).containsEntry(Field.GIVEN_NAME, Level.NICKNAME).containsEntry(Field.NHS_NUMBER, Level.MISSING);
        assertThat(same.decision()).isEqualTo(Decision.MATCH);
        assertThat(scorer.score(bill, stranger).decision()).isEqualTo(Decision.NON_MATCH);
        Subject billElsewhere = subject(null, null, "Bill", "Smith", LocalDate.of(2015, 3, 7), "M1 1AE");
        assertThat(scorer.score(billElsewhere, william).total()).isLessThan(same.total());
        // the same demographics with two different valid NHS numbers: strong disagreement pulls it down
        Subject billNhs = subject("9912003888", null, "Bill", "Smith", LocalDate.of(2015, 3, 7), "WA7 1AB");
        Subject williamNhs = subject("9990452601", null, "William", "Smith", LocalDate.of(2015, 3, 7), "WA7 1AB");
        assertThat(scorer.score(billNhs, williamNhs).total()).isLessThan(same.total() - 10);
        // an invalid one changes nothing
        Subject williamBadNhs = subject("9912003887", null, "William", "Smith", LocalDate.of(2015, 3, 7), "WA7 1AB");
        assertThat(scorer.score(billNhs, williamBadNhs).total()).isEqualTo(same.total());
    }

    @Test
    void blockingKeysSurviveOneCorruptedField() {
        Subject a = subject(null, null, "Amy", "Smith", LocalDate.of(2015, 3, 7), "WA7 1AB");
        Subject typo = subject(null, null, "Amy", "Smyth", LocalDate.of(2015, 3, 7), "WA8 2CD");
        Subject swapped = subject(null, null, "Amy", "Smith", LocalDate.of(2015, 7, 3), "WA8 2CD");
        Subject married = subject(null, null, "Amy", "Patel", LocalDate.of(2015, 3, 7), "WA8 2CD");
        Subject wrongDob = subject(null, null, "Amy", "Patel", LocalDate.of(2014, 3, 7), "WA7 1AB");
        for (Subject b : new Subject[] {typo, swapped, married, wrongDob}) {
            assertThat(BlockingKeys.of(b)).as(b.toString()).containsAnyElementsOf(BlockingKeys.of(a));
        }
    }

    private static Subject subject(String nhs, String upn, String given, String family, LocalDate dob, String postcode) {
        return new Subject("child", null, nhs, upn, given, family, dob, "F", new Address("1 Elm Road", null, "Runcorn",
                postcode, null));
    }
}
