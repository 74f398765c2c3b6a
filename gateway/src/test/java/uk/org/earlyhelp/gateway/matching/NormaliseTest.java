package uk.org.earlyhelp.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliseTest {

    @Test
    void aPostcodeIsUpperCasedWithoutSpaces() {
        assertThat(Normalise.postcode("wa7 1ab")).isEqualTo("WA71AB");
    }

    @Test
    void aPostcodeLosesEveryKindOfWhitespace() {
        assertThat(Normalise.postcode(" WA7 \t 1AB\n")).isEqualTo("WA71AB");
    }

    @Test
    void aMissingPostcodeStaysMissing() {
        assertThat(Normalise.postcode(null)).isNull();
    }

    @Test
    void aNameIsComparedWithoutCase() {
        assertThat(Normalise.name("HART")).isEqualTo(Normalise.name("hart"));
    }

    @Test
    void aNameLosesApostrophesHyphensAndSpaces() {
        assertThat(Normalise.name("O'Brien-De La Cruz")).isEqualTo("obriendelacruz");
    }

    @Test
    void aNameKeepsItsAccentedLetters() {
        assertThat(Normalise.name("Zoë")).isEqualTo("zoë");
    }

    @Test
    void aNameLosesDigits() {
        assertThat(Normalise.name("Hart2")).isEqualTo("hart");
    }

    @Test
    void aMissingNameStaysMissing() {
        assertThat(Normalise.name(null)).isNull();
    }

    @Test
    void theUprnIsTheHouseholdWhenKnown() {
        assertThat(Normalise.householdKey("100010350012", "WA7 1AB", "12 Elm Road")).isEqualTo("uprn:100010350012");
    }

    @Test
    void theUprnWinsOverADifferentlyWrittenAddress() {
        assertThat(Normalise.householdKey("100010350012", "WA7 1AB", "12 Elm Road"))
                .isEqualTo(Normalise.householdKey("100010350012", "WA8 7QD", "Flat 1, The Mill"));
    }

    @Test
    void theUprnIsStrippedOfSurroundingSpace() {
        assertThat(Normalise.householdKey(" 100010350012 ", null, null)).isEqualTo("uprn:100010350012");
    }

    @Test
    void withoutAUprnTheHouseholdIsThePostcodeAndFirstLine() {
        assertThat(Normalise.householdKey(null, "wa7 1ab", "12 Elm Road")).isEqualTo("addr:WA71AB|12elmroad");
    }

    @Test
    void aBlankUprnCountsAsNoUprn() {
        assertThat(Normalise.householdKey("  ", "WA7 1AB", "12 Elm Road")).isEqualTo("addr:WA71AB|12elmroad");
    }

    @Test
    void theFirstLineIsComparedWithoutCasePunctuationOrSpacing() {
        assertThat(Normalise.householdKey(null, "WA7 1AB", "12, ELM  Road."))
                .isEqualTo(Normalise.householdKey(null, "wa71ab", "12 elm road"));
    }

    @Test
    void theHouseNumberInTheFirstLineStillDistinguishesHouseholds() {
        assertThat(Normalise.householdKey(null, "WA7 1AB", "12 Elm Road"))
                .isNotEqualTo(Normalise.householdKey(null, "WA7 1AB", "14 Elm Road"));
    }

    @Test
    void noHouseholdWithoutUprnOrPostcode() {
        assertThat(Normalise.householdKey(null, null, "12 Elm Road")).isNull();
    }

    @Test
    void noHouseholdWithoutUprnOrFirstLine() {
        assertThat(Normalise.householdKey(null, "WA7 1AB", null)).isNull();
    }
}
