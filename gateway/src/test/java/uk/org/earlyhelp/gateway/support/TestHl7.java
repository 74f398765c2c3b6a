package uk.org.earlyhelp.gateway.support;

import java.util.UUID;
import uk.org.earlyhelp.schemas.Examples;

/**
 * The published HL7 v2 example messages ({@code contract/hl7v2/examples}), as sent on the wire (segments
 * ended by carriage returns), optionally restated for a {@link TestFamily} with a fresh control id.
 */
public final class TestHl7 {

    public static final String EXAMPLES = "contract/hl7v2/examples/";

    private TestHl7() {
    }

    public static String example(String name) {
        return Examples.read(EXAMPLES + name).strip().replace("\r\n", "\r").replace('\n', '\r') + "\r";
    }

    /** The example about this family, with a control id (MSH-10) of its own. */
    public static String forFamily(String name, TestFamily family) {
        String message = example(name)
                .replace("Hart^", family.surname + "^")
                .replace("9990701660", family.baby.nhsNumber())
                .replace("9990452601", family.mother.nhsNumber())
                .replace("12 Elm Road", family.line1)
                .replace("WA7 1AB", family.postcode);
        return withControlId(message, "TEST-" + UUID.randomUUID());
    }

    public static String withControlId(String message, String controlId) {
        String[] fields = message.split("\\|", 11);
        fields[9] = controlId;
        return String.join("|", fields);
    }

    public static String controlId(String message) {
        return message.split("\\|", 11)[9];
    }
}
