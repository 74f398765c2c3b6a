package uk.org.earlyhelp.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

/**
 * A made-up family the load is about: a pupil with a UPN and a mother, at an address of their own in the
 * runcorn-north locality. An alerting family also gets a police notification of domestic abuse with
 * children present (one high-severity event raises an alert); a quiet family gets school suspensions only
 * (one need, medium severity: never an alert). So which families must have an alert is known up front.
 */
final class SyntheticFamily {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    final String surname;
    final String pupilUpn;
    final boolean alerting;
    private final String line1;
    private final String postcode;
    private final String uprn;
    private final LocalDate pupilBorn;
    private final String pupilName;
    private final String motherName;
    private final LocalDate motherBorn;

    SyntheticFamily(Random random, boolean alerting) {
        this.alerting = alerting;
        StringBuilder name = new StringBuilder("Sys");
        for (int i = 0; i < 9; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        surname = name.toString();
        // Every person unlike any other family's: the matcher must link a family's records by what they
        // share, never by a name and birthday another family's member happens to share (that goes to review).
        pupilName = givenName(random);
        motherName = givenName(random);
        motherBorn = LocalDate.of(1975 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28));
        pupilUpn = upn(random);
        line1 = (1 + random.nextInt(300)) + " Birch Road";
        postcode = "WA7 1" + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
        uprn = Long.toString(100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L));
        pupilBorn = LocalDate.of(2012 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    /** A school's suspension of the pupil; the school knows the UPN. */
    ObjectNode schoolSuspension() {
        ObjectNode flag = envelope("school-exclusion");
        ArrayNode subjects = flag.putArray("subjects");
        subjects.add(subject("child", null, pupilName, pupilBorn, "female", pupilUpn));
        subjects.add(subject("parent-carer", "mother", motherName, motherBorn, "female", null));
        flag.putObject("details").put("kind", "suspension").put("startDate", LocalDate.now().toString())
                .put("schoolDays", 2).put("reasonCategory", "persistent-disruptive-behaviour");
        return flag;
    }

    /** Domestic abuse with children present: high severity, so the family gets an alert. */
    ObjectNode policeDomesticAbuse() {
        ObjectNode flag = envelope("police-notification");
        ArrayNode subjects = flag.putArray("subjects");
        subjects.add(subject("child", null, pupilName, pupilBorn, "female", null));
        subjects.add(subject("parent-carer", "mother", motherName, motherBorn, "female", null));
        flag.putObject("details").put("incidentType", "domestic-abuse")
                .put("policeReference", "SYS-" + UUID.randomUUID().toString().substring(0, 8))
                .put("incidentDateTime", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")))
                .put("childrenPresent", true).put("riskLevel", "medium").put("location", "The family home");
        return flag;
    }

    private ObjectNode subject(String role, String relationship, String givenName, LocalDate born, String sex,
            String upn) {
        ObjectNode subject = JSON.createObjectNode().put("role", role);
        if (relationship != null) {
            subject.put("relationshipToChild", relationship);
        }
        if (upn != null) {
            subject.put("upn", upn);
        }
        subject.put("givenName", givenName).put("familyName", surname).put("dateOfBirth", born.toString())
                .put("sex", sex);
        subject.putObject("address").put("line1", line1).put("town", "Runcorn").put("postcode", postcode)
                .put("uprn", uprn);
        return subject;
    }

    private static ObjectNode envelope(String flagType) {
        return JSON.createObjectNode().put("sourceMessageId", "SYS-" + UUID.randomUUID())
                .put("flagType", flagType).put("occurredOn", LocalDate.now().toString());
    }

    /** A capitalised given name of seven random letters. */
    private static String givenName(Random random) {
        StringBuilder name = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 6; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** A permanent UPN: local authority 876, a school, a year and a serial, then its check letter. */
    private static String upn(Random random) {
        while (true) {
            String body = String.format("876%04d%02d%03d", 2000 + random.nextInt(5000), 10 + random.nextInt(16),
                    random.nextInt(1000));
            for (char letter : CHECK_LETTERS.toCharArray()) {
                if (UniquePupilNumber.isValid(letter + body)) {
                    return letter + body;
                }
            }
        }
    }
}
