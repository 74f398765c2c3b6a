package uk.org.earlyhelp.gateway.matching.bench;

/** The ways an agency's record of a person differs from the truth. */
enum Corruption {
    TYPO_GIVEN_NAME, TYPO_FAMILY_NAME, NICKNAME, DOB_DAY_MONTH_SWAPPED, DOB_COMPONENT_OFF, MOVED_ADDRESS,
    OTHER_FAMILY_NAME, HYPHENATED_NAME_VARIANT, NHS_NUMBER_MISSING, UPN_MISSING;

    /** How often each kind is applied where it can be; {@link #MODERATE} is the default. */
    enum Level {
        NONE(0), LOW(0.5), MODERATE(1), HIGH(2);

        final double scale;

        Level(double scale) {
            this.scale = scale;
        }
    }
}
