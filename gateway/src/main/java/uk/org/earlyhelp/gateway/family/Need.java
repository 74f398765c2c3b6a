package uk.org.earlyhelp.gateway.family;

/**
 * What a flag evidences about a family.
 *
 * @param category a Supporting Families headline outcome (e.g. {@code education}, {@code domestic-abuse}),
 *                 or null when the flag records no need (attendance above the persistent-absence line)
 * @param severity low, medium or high
 */
public record Need(String category, String severity) {

    public static final String LOW = "low";
    public static final String MEDIUM = "medium";
    public static final String HIGH = "high";
}
