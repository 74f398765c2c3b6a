package uk.org.earlyhelp.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "9912003888", // the worked example in the domain notes
        "9990452601", "9990518157", "9990690839", "9990701660", "9990813183", "9990960917", "9991039090",
        "9990690839"})
    void aNumberWhoseCheckDigitMatchesIsValid(String nhsNumber) {
        assertThat(NhsNumber.isValid(nhsNumber)).isTrue();
    }

    @Test
    void theCheckDigitIsElevenMinusTheWeightedSumModuloEleven() {
        // 9,9,1,2,0,0,3,8,8 weighted 10..2: 90+81+8+14+0+0+12+24+16 = 245; 245 mod 11 = 3; 11 - 3 = 8.
        assertThat(NhsNumber.checkDigit("991200388")).isEqualTo(8);
    }

    @Test
    void aCheckValueOfElevenMeansZero() {
        // 9,9,9,1,0,3,9,0,9 weighted 10..2: 90+81+72+7+0+15+36+0+18 = 319 = 29 x 11, so remainder 0.
        assertThat(NhsNumber.checkDigit("999103909")).isZero();
        assertThat(NhsNumber.isValid("9991039090")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9912003887", "9912003889", "9990701661", "9990452602", "9991039091"})
    void aWrongCheckDigitIsInvalid(String nhsNumber) {
        assertThat(NhsNumber.isValid(nhsNumber)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9991210130", "9991210131", "9991210139"})
    void aNumberWhoseCheckValueIsTenIsNeverValid(String nhsNumber) {
        assertThat(NhsNumber.checkDigit(nhsNumber)).isEqualTo(-1);
        assertThat(NhsNumber.isValid(nhsNumber)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"991200388", "99120038888", "991 200 3888", "991-200-3888", "99120O3888",
        "\u0669\u0669\u0661\u0662\u0660\u0660\u0663\u0668\u0668\u0668", " 9912003888"})
    void anythingButTenAsciiDigitsIsInvalid(String nhsNumber) {
        assertThat(NhsNumber.isValid(nhsNumber)).isFalse();
    }
}
