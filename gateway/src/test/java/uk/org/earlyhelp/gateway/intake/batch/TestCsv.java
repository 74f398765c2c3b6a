package uk.org.earlyhelp.gateway.intake.batch;

import java.time.LocalDate;
import uk.org.earlyhelp.gateway.support.TestFamily;

/** CSV rows of the published formats about a {@link TestFamily}'s pupil. */
final class TestCsv {

    static final String ATTENDANCE_HEADER = "upn,given_name,family_name,date_of_birth,sex,postcode,"
            + "period_start,period_end,sessions_possible,sessions_missed,unauthorised_sessions_missed\n";
    static final String EXCLUSIONS_HEADER = "upn,given_name,family_name,date_of_birth,sex,postcode,"
            + "kind,start_date,school_days,reason_category\n";

    /** The autumn half term so far: a period that has ended, as a nightly export would send. */
    static final LocalDate PERIOD_START = LocalDate.now().minusDays(50);
    static final LocalDate PERIOD_END = LocalDate.now().minusDays(1);

    private TestCsv() {
    }

    static String attendance(TestFamily family, int possible, int missed) {
        return attendance(family.pupil.upn(), family, possible, missed);
    }

    static String attendance(String upn, TestFamily family, int possible, int missed) {
        return String.join(",", upn, family.pupil.givenName(), family.surname, family.pupil.dateOfBirth().toString(),
                family.pupil.sex(), family.postcode, PERIOD_START.toString(), PERIOD_END.toString(),
                Integer.toString(possible), Integer.toString(missed), Integer.toString(missed / 2)) + "\n";
    }

    static String exclusion(TestFamily family, String kind, String schoolDays) {
        return String.join(",", family.pupil.upn(), family.pupil.givenName(), family.surname,
                family.pupil.dateOfBirth().toString(), "F", family.postcode, kind, LocalDate.now().toString(),
                schoolDays, "persistent-disruptive-behaviour") + "\n";
    }
}
