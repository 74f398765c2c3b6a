package uk.org.earlyhelp.schemas;

/**
 * NHS number check: 10 digits whose last digit is a modulus 11 check digit over the first nine
 * (weights 10 down to 2; check = 11 - remainder; 11 means 0; 10 means no such number is issued).
 * A typo in an NHS number would match the wrong child, so the gateway verifies it on intake.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** True when {@code s} is exactly ten ASCII digits and its check digit matches. */
    public static boolean isValid(String s) {
        if (s == null || s.length() != 10 || !allDigits(s)) {
            return false;
        }
        int expected = checkDigit(s);
        return expected >= 0 && expected == s.charAt(9) - '0';
    }

    /**
     * The check digit the first nine digits call for, or -1 when the modulus 11 calculation gives 10
     * (numbers whose first nine digits produce 10 are never issued). {@code s} must start with nine
     * ASCII digits.
     */
    static int checkDigit(String s) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    private static boolean allDigits(String s) {
        // Character.isDigit would accept non-ASCII digits such as Arabic-Indic ones.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
