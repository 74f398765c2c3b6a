package uk.org.earlyhelp.gateway.intake.batch;

/**
 * The published absence definitions (DfE): persistent absence is missing 10% or more of possible
 * sessions, severe absence 50% or more, and severe is counted inside persistent. Compared in whole
 * numbers (missed x 10 against possible), so exactly 10% or 50% is never lost to rounding.
 */
enum AbsenceThreshold {
    BELOW_PERSISTENT,
    PERSISTENT,
    SEVERE;

    static AbsenceThreshold of(long sessionsPossible, long sessionsMissed) {
        if (sessionsMissed * 2 >= sessionsPossible) {
            return SEVERE;
        }
        if (sessionsMissed * 10 >= sessionsPossible) {
            return PERSISTENT;
        }
        return BELOW_PERSISTENT;
    }

    /** Persistent and severe absence are both flags; below persistent absence is none. */
    boolean isFlag() {
        return this != BELOW_PERSISTENT;
    }
}
