package uk.org.earlyhelp.gateway.matching.scoring;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import uk.org.earlyhelp.gateway.matching.Normalise;
import uk.org.earlyhelp.schemas.NhsNumber;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

/**
 * One field of two records to a comparison level. Levels are ordered from strongest agreement down; the
 * first that holds is taken, so each pair gets exactly one level per field (which is what makes the weights
 * additive).
 */
public final class Comparisons {

    static final double JW_HIGH = 0.92;
    static final double JW_MEDIUM = 0.85;

    private final Nicknames nicknames;

    public Comparisons(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    public Level givenName(String a, String b) {
        String x = Normalise.name(a);
        String y = Normalise.name(b);
        if (blank(x) || blank(y)) {
            return Level.MISSING;
        }
        if (x.equals(y)) {
            return Level.EXACT;
        }
        if (nicknames.related(x, y)) {
            return Level.NICKNAME;
        }
        return jaroWinkler(x, y);
    }

    public Level familyName(String a, String b) {
        String x = Normalise.name(a);
        String y = Normalise.name(b);
        if (blank(x) || blank(y)) {
            return Level.MISSING;
        }
        if (x.equals(y)) {
            return Level.EXACT;
        }
        // Before the string bands: Smith-Jones vs Jones is a known recording habit, not a typo.
        if (sharePart(a, b)) {
            return Level.SHARED_PART;
        }
        Level jw = jaroWinkler(x, y);
        if (jw != Level.DIFFERENT) {
            return jw;
        }
        return Soundex.of(x).equals(Soundex.of(y)) ? Level.PHONETIC : Level.DIFFERENT;
    }

    private static boolean sharePart(String a, String b) {
        String[] pa = parts(a);
        String[] pb = parts(b);
        if (pa.length < 2 && pb.length < 2) {
            return false;
        }
        return Arrays.stream(pa).anyMatch(p -> Arrays.asList(pb).contains(p));
    }

    private static String[] parts(String name) {
        return Arrays.stream(name.split("[-\\s]+")).map(Normalise::name).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }

    private static Level jaroWinkler(String x, String y) {
        double s = JaroWinkler.similarity(x, y);
        return s >= JW_HIGH ? Level.JW_HIGH : s >= JW_MEDIUM ? Level.JW_MEDIUM : Level.DIFFERENT;
    }

    public Level dateOfBirth(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        if (a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth()) {
            return Level.DAY_MONTH_SWAPPED;
        }
        int day = Math.abs(a.getDayOfMonth() - b.getDayOfMonth());
        int month = Math.abs(a.getMonthValue() - b.getMonthValue());
        int year = Math.abs(a.getYear() - b.getYear());
        // Exactly one component different, by one (a keying slip), or one day apart across a month end.
        boolean oneOff = (day == 1 && month == 0 && year == 0) || (day == 0 && month == 1 && year == 0)
                || (day == 0 && month == 0 && year == 1) || Math.abs(a.toEpochDay() - b.toEpochDay()) == 1;
        return oneOff ? Level.ONE_COMPONENT_OFF : Level.DIFFERENT;
    }

    /** Postcodes as outward + inward (WA7 1AB): sector WA7 1, district WA7. */
    public Level postcode(String a, String b) {
        String x = Normalise.postcode(a);
        String y = Normalise.postcode(b);
        if (blank(x) || blank(y) || x.length() < 5 || y.length() < 5) {
            return Level.MISSING;
        }
        if (x.equals(y)) {
            return Level.EXACT;
        }
        String districtX = x.substring(0, x.length() - 3);
        String districtY = y.substring(0, y.length() - 3);
        if (!districtX.equals(districtY)) {
            return Level.DIFFERENT;
        }
        return x.charAt(x.length() - 3) == y.charAt(y.length() - 3) ? Level.SAME_SECTOR : Level.SAME_DISTRICT;
    }

    public Level sex(String a, String b) {
        String x = sexCode(a);
        String y = sexCode(b);
        if (x == null || y == null) {
            return Level.MISSING;
        }
        return x.equals(y) ? Level.EXACT : Level.DIFFERENT;
    }

    /** M or F; anything else (unknown, not stated, indeterminate) is no evidence either way. */
    private static String sexCode(String sex) {
        if (blank(sex)) {
            return null;
        }
        String s = sex.strip().toUpperCase(Locale.ROOT);
        return s.startsWith("M") ? "M" : s.startsWith("F") ? "F" : null;
    }

    /** An invalid NHS number (wrong check digit, dummy) is never evidence: MISSING, not DISAGREE. */
    public Level nhsNumber(String a, String b) {
        String x = a == null ? null : a.replaceAll("\\s+", "");
        String y = b == null ? null : b.replaceAll("\\s+", "");
        if (x == null || y == null || !NhsNumber.isValid(x) || !NhsNumber.isValid(y)) {
            return Level.MISSING;
        }
        return x.equals(y) ? Level.AGREE : Level.DISAGREE;
    }

    public Level upn(String a, String b) {
        String x = a == null ? null : a.strip().toUpperCase(Locale.ROOT);
        String y = b == null ? null : b.strip().toUpperCase(Locale.ROOT);
        if (x == null || y == null || !UniquePupilNumber.isValid(x) || !UniquePupilNumber.isValid(y)) {
            return Level.MISSING;
        }
        return x.equals(y) ? Level.AGREE : Level.DISAGREE;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
