package uk.org.earlyhelp.gateway.intake.batch;

/**
 * The published absence definitions (DfE): persistent absence is missing 10% or more of possible
 * sessions, severe absence 50% or more, and severe is counted inside persistent. Compared in whole
 * numbers, so exactly 10% or 50% is never lost to rounding: missed x 10 >= possible is written as
 * missed >= possible / 10 rounded up, which no number in a CSV cell can overflow.
 */
enum AbsenceThreshold {
    BELOW_PERSISTENT,
    PERSISTENT,
    SEVERE;

    static AbsenceThreshold of(long sessionsPossible, long sessionsMissed) {
        if (sessionsMissed >= ceilingOf(sessionsPossible, 2)) {
            return SEVERE;
        }
        if (sessionsMissed >= ceilingOf(sessionsPossible, 10)) {
            return PERSISTENT;
        }
        return BELOW_PERSISTENT;
    }

    private static long ceilingOf(long sessions, int divisor) {
        return sessions / divisor + (sessions % divisor == 0 ? 0 : 1);
    }

    /** Persistent and severe absence are both flags; below persistent absence is none. */
    boolean isFlag() {
        return this != BELOW_PERSISTENT;
    }
}
