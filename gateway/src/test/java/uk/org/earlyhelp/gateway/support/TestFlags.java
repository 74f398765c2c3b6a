package uk.org.earlyhelp.gateway.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Valid flags of each type about a {@link TestFamily}, dated today, each with a fresh source message id.
 * Every flag carries a narrative and address details the agreements drop, so tests can prove they go.
 */
public final class TestFlags {

    public static final String NARRATIVE = "Narrative that must never leave the sending agency";

    private TestFlags() {
    }

    public static ObjectNode schoolSuspension(TestFamily family) {
        ObjectNode flag = envelope("school-exclusion");
        ArrayNode subjects = flag.putArray("subjects");
        subjects.add(family.subject(family.pupil, false, true));
        subjects.add(family.subject(family.mother, false, false));
        flag.putObject("details").put("kind", "suspension").put("startDate", LocalDate.now().toString())
                .put("schoolDays", 3).put("reasonCategory", "persistent-disruptive-behaviour")
                .put("narrative", NARRATIVE);
        return flag;
    }

    /** Attendance for the autumn half-term: 20 of 70 sessions missed is persistent absence. */
    public static ObjectNode schoolAttendance(TestFamily family, int sessionsPossible, int sessionsMissed) {
        ObjectNode flag = envelope("school-attendance");
        flag.putArray("subjects").add(family.subject(family.pupil, false, true));
        flag.putObject("details").put("periodStart", LocalDate.now().minusDays(35).toString())
                .put("periodEnd", LocalDate.now().toString()).put("sessionsPossible", sessionsPossible)
                .put("sessionsMissed", sessionsMissed);
        return flag;
    }

    public static ObjectNode healthVisitingConcern(TestFamily family, String category, String severity) {
        ObjectNode flag = envelope("health-visiting-concern");
        ArrayNode subjects = flag.putArray("subjects");
        subjects.add(family.subject(family.baby, true, false));
        subjects.add(family.subject(family.mother, true, false));
        flag.putObject("details").put("concernCategory", category).put("severity", severity)
                .put("narrative", NARRATIVE);
        return flag;
    }

    public static ObjectNode adultServicesNotification(TestFamily family, String concernType, String severity) {
        ObjectNode flag = envelope("adult-services-notification");
        flag.putArray("subjects").add(family.subject(family.mother, true, false));
        flag.putObject("details").put("concernType", concernType).put("severity", severity)
                .put("inTreatment", true).put("narrative", NARRATIVE);
        return flag;
    }

    public static ObjectNode policeDomesticAbuse(TestFamily family, boolean childrenPresent) {
        ObjectNode flag = envelope("police-notification");
        ArrayNode subjects = flag.putArray("subjects");
        subjects.add(family.subject(family.pupil, false, false));
        subjects.add(family.subject(family.mother, false, false));
        flag.putObject("details").put("incidentType", "domestic-abuse")
                .put("policeReference", "TEST-" + UUID.randomUUID().toString().substring(0, 8))
                // Formatted explicitly: OffsetDateTime.toString() drops ":00" seconds, which RFC 3339 requires.
                .put("incidentDateTime", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")))
                .put("childrenPresent", childrenPresent).put("riskLevel", "medium")
                .put("location", "Outside the family home").put("narrative", NARRATIVE);
        return flag;
    }

    private static ObjectNode envelope(String flagType) {
        return TestFamily.JSON.createObjectNode()
                .put("sourceMessageId", "TEST-" + UUID.randomUUID())
                .put("flagType", flagType)
                .put("occurredOn", LocalDate.now().toString());
    }

    /**
     * The police record of the family's pupil that the matcher cannot decide: same name, sex and address,
     * no UPN, and a different birthday; the other subjects as {@link #policeDomesticAbuse} gives them.
     */
    public static ObjectNode borderlinePoliceFlag(TestFamily family) {
        ObjectNode pupil = family.subject(family.pupil, false, false)
                .put("dateOfBirth", otherBirthday(family.pupil.dateOfBirth()).toString());
        return withSubject(policeDomesticAbuse(family, true), 0, pupil);
    }

    /** The same year, but neither the same day, nor swapped, nor one component off. */
    public static LocalDate otherBirthday(LocalDate dob) {
        return LocalDate.of(dob.getYear(), dob.getMonthValue() <= 6 ? dob.getMonthValue() + 5 : dob.getMonthValue() - 5,
                dob.getDayOfMonth() <= 14 ? dob.getDayOfMonth() + 10 : dob.getDayOfMonth() - 10);
    }

    /** The flag with its subject at {@code index} replaced. */
    public static ObjectNode withSubject(ObjectNode flag, int index, ObjectNode subject) {
        ((ArrayNode) flag.get("subjects")).set(index, subject);
        return flag;
    }
}
