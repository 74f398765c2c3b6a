package uk.org.earlyhelp.schemas;

/**
 * Unique Pupil Number (DfE) check: 13 characters, a check letter then LA code (3 digits),
 * establishment number (4), year of allocation (2) and serial (3). A temporary UPN ends in a letter
 * instead of the last serial digit.
 *
 * <p>The check letter is the sum of (weight x value) over characters 2 to 13 with weights 2 to 13,
 * modulo 23, mapped onto the 23 letters A-Z without I, O and S (0 is A). In a temporary UPN the final
 * letter takes its value from the same 23-letter alphabet. Some published vendor worked examples are
 * wrong; this follows the algorithm, and the tests check against it.
 */
public final class UniquePupilNumber {

    /** A-Z without I, O and S, which are too easily confused with 1, 0 and 5. */
    static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private UniquePupilNumber() {
    }

    /** True when {@code s} is a well-formed permanent or temporary UPN whose check letter matches. */
    public static boolean isValid(String s) {
        if (s == null || s.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int i = 1; i < 13; i++) {
            int value = valueAt(s, i);
            if (value < 0) {
                return false;
            }
            sum += value * (i + 1);
        }
        return s.charAt(0) == CHECK_LETTERS.charAt(sum % 23);
    }

    /** Digits 2-12 must be digits; the 13th may be a digit or (temporary UPN) a check-alphabet letter. */
    private static int valueAt(String s, int index) {
        char c = s.charAt(index);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return index == 12 ? CHECK_LETTERS.indexOf(c) : -1;
    }
}
