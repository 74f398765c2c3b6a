package uk.org.earlyhelp.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A family of its own for each test (fresh surname, address and identifiers), so tests sharing one
 * gateway never see each other's persons, families or alerts. It lives in the runcorn-north locality
 * unless given another postcode sector.
 */
public final class TestFamily {

    static final ObjectMapper JSON = new ObjectMapper();

    public final String surname = TestIdentifiers.surname();
    public final String line1 = ThreadLocalRandom.current().nextInt(1, 300) + " Elm Road";
    /** The inward code's letters never include C, I, K, M, O or V. */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    public final String postcode;
    public final String uprn = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));

    // Given names and dates of birth differ between families too: the matcher scores names, dates of birth
    // and postcodes, and two test families sharing a postcode must not look like the same people.
    public final Person pupil = new Person("child", null, TestIdentifiers.givenName(),
            TestIdentifiers.dateBetween(LocalDate.of(2012, 1, 1), LocalDate.of(2018, 12, 31)), "female",
            null, TestIdentifiers.upn());
    public final Person baby = new Person("child", "sibling", TestIdentifiers.givenName(),
            TestIdentifiers.dateBetween(LocalDate.now().minusMonths(10), LocalDate.now().minusMonths(2)), "male",
            TestIdentifiers.nhsNumber(), null);
    public final Person mother = new Person("parent-carer", "mother", TestIdentifiers.givenName(),
            TestIdentifiers.dateBetween(LocalDate.of(1980, 1, 1), LocalDate.of(1996, 12, 31)), "female",
            TestIdentifiers.nhsNumber(), null);

    /** A family in runcorn-north (postcode sector WA7 1). */
    public TestFamily() {
        this("WA7 1");
    }

    /** A family in the given postcode sector, e.g. {@code WA8 6} for the widnes locality. */
    public TestFamily(String postcodeSector) {
        this.postcode = postcodeSector + inwardLetter() + inwardLetter();
    }

    private static char inwardLetter() {
        return INWARD_LETTERS.charAt(ThreadLocalRandom.current().nextInt(INWARD_LETTERS.length()));
    }

    /** One member as an agency would describe them. */
    public record Person(String role, String relationshipToChild, String givenName, LocalDate dateOfBirth,
            String sex, String nhsNumber, String upn) {
    }

    /** The subject as the given agency knows them: only the identifiers it holds are included. */
    public ObjectNode subject(Person person, boolean withNhsNumber, boolean withUpn) {
        ObjectNode subject = JSON.createObjectNode().put("role", person.role());
        if (person.relationshipToChild() != null) {
            subject.put("relationshipToChild", person.relationshipToChild());
        }
        if (withNhsNumber && person.nhsNumber() != null) {
            subject.put("nhsNumber", person.nhsNumber());
        }
        if (withUpn && person.upn() != null) {
            subject.put("upn", person.upn());
        }
        subject.put("givenName", person.givenName()).put("familyName", surname)
                .put("dateOfBirth", person.dateOfBirth().toString()).put("sex", person.sex());
        subject.putObject("address").put("line1", line1).put("line2", "Flat 2").put("town", "Runcorn")
                .put("postcode", postcode).put("uprn", uprn);
        return subject;
    }
}
