package uk.org.earlyhelp.gateway.matching;

import java.util.Locale;

/** The normalised forms matching and blocking compare on. */
public final class Normalise {

    private Normalise() {
    }

    /** {@code wa71ab}, {@code WA7 1AB} and {@code wa7  1ab} are one postcode: {@code WA71AB}. */
    public static String postcode(String postcode) {
        return postcode == null ? null : postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Surnames compared without case, accents' case, spaces, hyphens or apostrophes. */
    public static String name(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    /** A household: the UPRN when known, else the postcode with the first address line. */
    public static String householdKey(String uprn, String postcode, String line1) {
        if (uprn != null && !uprn.isBlank()) {
            return "uprn:" + uprn.strip();
        }
        if (postcode == null || line1 == null) {
            return null;
        }
        return "addr:" + postcode(postcode) + "|" + line1.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
