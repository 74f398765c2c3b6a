package uk.org.earlyhelp.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UniquePupilNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "B801200005001", // the worked example in the domain notes
        "F876200318042", "H876211014118", "V876200317042", "Z876200319118", "H876200321007", "B876410715033"})
    void aPermanentUpnWhoseCheckLetterMatchesIsValid(String upn) {
        assertThat(UniquePupilNumber.isValid(upn)).isTrue();
    }

    @Test
    void theCheckLetterIsTheWeightedSumModulo23InTheAlphabetWithoutIOS() {
        // B801200005001: 8x2 + 0x3 + 1x4 + 2x5 + 0x6 + 0x7 + 0x8 + 0x9 + 5x10 + 0x11 + 0x12 + 1x13 = 93;
        // 93 mod 23 = 1, the second letter of ABCDEFGHJKLMNPQRTUVWXYZ.
        assertThat(UniquePupilNumber.CHECK_LETTERS).hasSize(23).doesNotContain("I", "O", "S");
        assertThat(UniquePupilNumber.CHECK_LETTERS.charAt(93 % 23)).isEqualTo('B');
    }

    @ParameterizedTest
    @ValueSource(strings = {"A87640012607K", "R87620031704A"})
    void aTemporaryUpnEndingInALetterIsValidWhenItsCheckLetterMatches(String upn) {
        assertThat(UniquePupilNumber.isValid(upn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C801200005001", "A801200005001", "G876200318042", "B87640012607K", "T87620031704A"})
    void aWrongCheckLetterIsInvalid(String upn) {
        assertThat(UniquePupilNumber.isValid(upn)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "801200005001",    // no check letter
        "B8012000050011",  // 14 characters
        "b801200005001",   // lower case
        "B80120000500I",   // I, O and S are never used, so no temporary UPN ends in one
        "B8012000A5001",   // a letter before the last position
        "B801 200005001",
        "1801200005001"})
    void malformedUpnsAreInvalid(String upn) {
        assertThat(UniquePupilNumber.isValid(upn)).isFalse();
    }
}
