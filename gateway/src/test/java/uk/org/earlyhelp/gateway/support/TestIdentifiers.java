package uk.org.earlyhelp.gateway.support;

import java.util.concurrent.ThreadLocalRandom;
import uk.org.earlyhelp.schemas.NhsNumber;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

/** Fresh, valid identifiers for test people, checked with the same validators the gateway uses. */
public final class TestIdentifiers {

    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private TestIdentifiers() {
    }

    public static String nhsNumber() {
        while (true) {
            String candidate = String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
            if (NhsNumber.isValid(candidate)) {
                return candidate;
            }
        }
    }

    /** A permanent UPN: local authority 876 (Halton), a school, a year and a serial, then its check letter. */
    public static String upn() {
        String body = String.format("876%04d%02d%03d", ThreadLocalRandom.current().nextInt(2000, 7000),
                ThreadLocalRandom.current().nextInt(10, 26), ThreadLocalRandom.current().nextInt(0, 1000));
        for (char letter : CHECK_LETTERS.toCharArray()) {
            if (UniquePupilNumber.isValid(letter + body)) {
                return letter + body;
            }
        }
        throw new IllegalStateException("no check letter validates " + body);
    }

    /** A random capitalised given name of seven letters: unlike any other test family's. */
    public static String givenName() {
        StringBuilder name = new StringBuilder().append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        for (int i = 0; i < 6; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    public static java.time.LocalDate dateBetween(java.time.LocalDate first, java.time.LocalDate last) {
        return first.plusDays(ThreadLocalRandom.current().nextLong(first.until(last, java.time.temporal.ChronoUnit.DAYS) + 1));
    }

    /** Letters only: names are compared without digits or punctuation, so uniqueness must be in the letters. */
    public static String surname() {
        StringBuilder name = new StringBuilder("Test");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }
}
