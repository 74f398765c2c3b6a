package uk.org.earlyhelp.gateway.matching.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.matching.bench.SyntheticPopulation.Family;
import uk.org.earlyhelp.gateway.matching.bench.SyntheticPopulation.Person;
import uk.org.earlyhelp.schemas.NhsNumber;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

class SyntheticPopulationTest {

    private static final SyntheticPopulation POPULATION = SyntheticPopulation.generate(42, 5_000);

    @Test
    void theSameSeedGivesTheSamePopulation() {
        assertThat(SyntheticPopulation.generate(42, 5_000).families()).isEqualTo(POPULATION.families());
    }

    @Test
    void anotherSeedGivesAnotherPopulation() {
        assertThat(SyntheticPopulation.generate(43, 5_000).persons()).isNotEqualTo(POPULATION.persons());
    }

    @Test
    void everyoneHasADistinctValidNhsNumber() {
        List<String> numbers = POPULATION.persons().stream().map(Person::nhsNumber).toList();

        assertThat(numbers).allMatch(NhsNumber::isValid).doesNotHaveDuplicates();
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(5_000);
    }

    @Test
    void schoolAgeChildrenAndOnlyThemHaveADistinctValidUpn() {
        for (Person person : POPULATION.persons()) {
            int age = person.dateOfBirth().until(SyntheticPopulation.REFERENCE_DATE).getYears();
            boolean schoolAge = person.isChild() && age >= 4 && age <= 18;
            assertThat(person.upn() != null).as("UPN of a %d-year-old %s", age, person.role()).isEqualTo(schoolAge);
        }
        List<String> upns = POPULATION.persons().stream().map(Person::upn).filter(upn -> upn != null).toList();
        assertThat(upns).isNotEmpty().allMatch(UniquePupilNumber::isValid).doesNotHaveDuplicates();
    }

    @Test
    void theCheckDigitAndLetterFollowTheDocumentedExamples() {
        assertThat(SyntheticPopulation.nhsCheckDigit("991200388")).isEqualTo(8);
        assertThat(SyntheticPopulation.upnCheckLetter("801200005001")).isEqualTo('B');
    }

    @Test
    void parentsAreAtLeastSixteenAndAtLeastFifteenYearsOlderThanTheirChildren() {
        for (Family family : POPULATION.families()) {
            for (Person adult : family.members().stream().filter(p -> !p.isChild()).toList()) {
                assertThat(adult.dateOfBirth().until(SyntheticPopulation.REFERENCE_DATE).getYears()).isGreaterThanOrEqualTo(16);
                for (Person child : family.members().stream().filter(Person::isChild).toList()) {
                    assertThat(adult.dateOfBirth().plusYears(15)).isBefore(child.dateOfBirth());
                    assertThat(child.dateOfBirth()).isBeforeOrEqualTo(SyntheticPopulation.REFERENCE_DATE);
                }
            }
        }
    }

    @Test
    void addressesHaveRealPostcodeFormatsAndDistinctUprns() {
        String postcode = "(?:[A-Z]{1,2}\\d{1,2}|[A-Z]{1,2}\\d[A-Z]) \\d[ABD-HJLNP-UW-Z]{2}";
        List<SyntheticPopulation.Household> households = POPULATION.families().stream()
                .flatMap(f -> java.util.stream.Stream.of(f.home(), f.movedTo())).toList();

        assertThat(households).allMatch(h -> h.postcode().matches(postcode), "postcode format");
        assertThat(households).allMatch(h -> h.uprn().matches("\\d{1,12}"), "UPRN of up to 12 digits");
        assertThat(households.stream().map(SyntheticPopulation.Household::uprn)).doesNotHaveDuplicates();
    }

    @Test
    void namesAreDrawnFromTheUkListsWithCommonNamesCommoner() {
        long smiths = POPULATION.persons().stream().filter(p -> p.familyName().startsWith("Smith")).count();
        long fairbrothers = POPULATION.persons().stream().filter(p -> p.familyName().startsWith("Fairbrother")).count();

        assertThat(smiths).isGreaterThan(fairbrothers * 10);
        assertThat(POPULATION.persons()).anyMatch(p -> p.familyName().contains("-"));
    }
}
