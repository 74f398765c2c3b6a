package uk.org.earlyhelp.gateway.matching.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.Agency;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.AgencyRecord;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.SubjectRecord;
import uk.org.earlyhelp.gateway.matching.bench.SyntheticPopulation.Person;
import uk.org.earlyhelp.schemas.NhsNumber;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

class AgencyRecordsTest {

    private static final SyntheticPopulation POPULATION = SyntheticPopulation.generate(7, 20_000);
    private static final Map<Integer, Person> TRUTH = POPULATION.persons().stream()
            .collect(Collectors.toMap(Person::id, Function.identity()));
    private static final List<AgencyRecord> MODERATE = AgencyRecords.generate(POPULATION, 1.5,
            Corruption.Level.MODERATE, 8);

    private static List<SubjectRecord> subjects(List<AgencyRecord> records) {
        return records.stream().flatMap(r -> r.subjects().stream()).toList();
    }

    private static List<SubjectRecord> withOnly(Corruption corruption, Set<Corruption> alsoAllowed) {
        return subjects(MODERATE).stream().filter(s -> s.corruptions().contains(corruption))
                .filter(s -> alsoAllowed.containsAll(EnumSet.complementOf(EnumSet.of(corruption)).stream()
                        .filter(s.corruptions()::contains).toList())).toList();
    }

    private static final Set<Corruption> IDENTIFIERS_AND_ADDRESS = EnumSet.of(Corruption.NHS_NUMBER_MISSING,
            Corruption.UPN_MISSING, Corruption.MOVED_ADDRESS);

    @Test
    void theSameSeedGivesTheSameRecords() {
        assertThat(AgencyRecords.generate(POPULATION, 1.5, Corruption.Level.MODERATE, 8)).isEqualTo(MODERATE);
        assertThat(AgencyRecords.generate(POPULATION, 1.5, Corruption.Level.MODERATE, 9)).isNotEqualTo(MODERATE);
    }

    @Test
    void everyCorruptionKindIsAppliedAtTheModerateLevel() {
        Set<Corruption> seen = EnumSet.noneOf(Corruption.class);
        subjects(MODERATE).forEach(s -> seen.addAll(s.corruptions()));

        assertThat(seen).containsExactlyInAnyOrder(Corruption.values());
    }

    @Test
    void withoutCorruptionEveryRecordIsTheTruth() {
        for (SubjectRecord s : subjects(AgencyRecords.generate(POPULATION, 1.5, Corruption.Level.NONE, 8))) {
            Person person = TRUTH.get(s.truePersonId());
            assertThat(s.corruptions()).isEmpty();
            assertThat(s.subject().givenName()).isEqualTo(person.givenName());
            assertThat(s.subject().familyName()).isEqualTo(person.familyName());
            assertThat(s.subject().dateOfBirth()).isEqualTo(person.dateOfBirth());
            assertThat(s.subject().nhsNumber()).isEqualTo(person.nhsNumber());
            assertThat(s.trueFamilyId()).isEqualTo(person.familyId());
        }
    }

    @Test
    void identifiersAreValidWhenPresentAndHeldAsEachAgencyHoldsThem() {
        for (AgencyRecord record : MODERATE) {
            for (SubjectRecord s : record.subjects()) {
                assertThat(s.subject().nhsNumber() == null || NhsNumber.isValid(s.subject().nhsNumber())).isTrue();
                assertThat(s.subject().upn() == null || UniquePupilNumber.isValid(s.subject().upn())).isTrue();
                if (record.agency() == Agency.HEALTH) {
                    assertThat(s.subject().upn()).isNull();
                }
            }
        }
        assertThat(share(Agency.POLICE, s -> s.subject().nhsNumber() != null)).isLessThan(0.1);
        assertThat(share(Agency.HEALTH, s -> s.subject().nhsNumber() != null)).isGreaterThan(0.85);
        assertThat(share(Agency.SCHOOL, s -> s.subject().upn() != null || !TRUTH.get(s.truePersonId()).isChild()))
                .isGreaterThan(0.9);
    }

    private static double share(Agency agency, java.util.function.Predicate<SubjectRecord> test) {
        List<SubjectRecord> of = MODERATE.stream().filter(r -> r.agency() == agency)
                .flatMap(r -> r.subjects().stream()).toList();
        return (double) of.stream().filter(test).count() / of.size();
    }

    @Test
    void aTypoIsOneInsertionDeletionSubstitutionOrTransposition() {
        List<SubjectRecord> typos = withOnly(Corruption.TYPO_FAMILY_NAME, IDENTIFIERS_AND_ADDRESS);

        assertThat(typos).hasSizeGreaterThan(20);
        for (SubjectRecord s : typos) {
            assertThat(editDistance(s.subject().familyName(), TRUTH.get(s.truePersonId()).familyName())).isEqualTo(1);
        }
        for (SubjectRecord s : withOnly(Corruption.TYPO_GIVEN_NAME, IDENTIFIERS_AND_ADDRESS)) {
            assertThat(editDistance(s.subject().givenName(), TRUTH.get(s.truePersonId()).givenName())).isEqualTo(1);
        }
    }

    @Test
    void aNicknameIsOneOfTheFormalNamesShortForms() {
        List<SubjectRecord> nicknamed = withOnly(Corruption.NICKNAME, IDENTIFIERS_AND_ADDRESS);

        assertThat(nicknamed).isNotEmpty();
        for (SubjectRecord s : nicknamed) {
            assertThat(UkNames.NICKNAMES.get(TRUTH.get(s.truePersonId()).givenName())).contains(s.subject().givenName());
        }
    }

    @Test
    void aSwappedDateOfBirthHasDayAndMonthExchanged() {
        List<SubjectRecord> swapped = withOnly(Corruption.DOB_DAY_MONTH_SWAPPED, IDENTIFIERS_AND_ADDRESS);

        assertThat(swapped).isNotEmpty();
        for (SubjectRecord s : swapped) {
            LocalDate truth = TRUTH.get(s.truePersonId()).dateOfBirth();
            assertThat(s.subject().dateOfBirth()).isEqualTo(LocalDate.of(truth.getYear(), truth.getDayOfMonth(),
                    truth.getMonthValue()));
        }
    }

    @Test
    void aDateOfBirthOffByOneComponentIsADayAMonthOrAYearOut() {
        List<SubjectRecord> off = withOnly(Corruption.DOB_COMPONENT_OFF, IDENTIFIERS_AND_ADDRESS);

        assertThat(off).isNotEmpty();
        for (SubjectRecord s : off) {
            LocalDate truth = TRUTH.get(s.truePersonId()).dateOfBirth();
            long days = Math.abs(ChronoUnit.DAYS.between(truth, s.subject().dateOfBirth()));
            assertThat(days).isIn(1L, 28L, 29L, 30L, 31L, 365L, 366L);
        }
    }

    @Test
    void aMovedFamilyIsRecordedAtItsNewAddress() {
        List<SubjectRecord> moved = withOnly(Corruption.MOVED_ADDRESS, IDENTIFIERS_AND_ADDRESS);

        assertThat(moved).isNotEmpty();
        for (SubjectRecord s : moved) {
            SyntheticPopulation.Family family = POPULATION.families().get(s.trueFamilyId());
            assertThat(s.subject().postcode().toUpperCase(Locale.ROOT)).isEqualTo(family.movedTo().postcode());
        }
    }

    @Test
    void anotherFamilyNameIsTheOneThePersonIsAlsoKnownBy() {
        List<SubjectRecord> renamed = withOnly(Corruption.OTHER_FAMILY_NAME, IDENTIFIERS_AND_ADDRESS);

        assertThat(renamed).isNotEmpty();
        for (SubjectRecord s : renamed) {
            Person person = TRUTH.get(s.truePersonId());
            assertThat(person.isChild()).isFalse();
            assertThat(s.subject().familyName()).isEqualTo(person.alternativeFamilyName());
        }
    }

    @Test
    void aHyphenatedVariantDropsOrAddsOneHalfOfADoubleBarrelledName() {
        List<SubjectRecord> variants = withOnly(Corruption.HYPHENATED_NAME_VARIANT, IDENTIFIERS_AND_ADDRESS);

        assertThat(variants).isNotEmpty();
        for (SubjectRecord s : variants) {
            String truth = TRUTH.get(s.truePersonId()).familyName();
            String recorded = s.subject().familyName();
            if (truth.contains("-")) {
                assertThat(truth.split("-")).contains(recorded);
            } else {
                assertThat(recorded.split("-")).hasSize(2).contains(truth);
            }
        }
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
