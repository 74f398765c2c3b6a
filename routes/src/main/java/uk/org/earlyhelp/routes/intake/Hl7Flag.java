package uk.org.earlyhelp.routes.intake;

import java.util.Map;

/**
 * An HL7 v2 message read as a flag.
 *
 * @param flag           the canonical flag for the shared intake, or null when the message raises no flag
 *                       (a person add or update, acknowledged and not kept)
 * @param messageType    MSH-9 as {@code type^trigger}, e.g. {@code REF^I12}
 * @param fieldLocations JSON pointer prefix in the flag to the HL7 location it came from, e.g.
 *                       {@code /subjects/0/nhsNumber -> PID^1^3}, so schema errors can be answered in HL7 terms
 */
public record Hl7Flag(IncomingFlag flag, String messageType, Map<String, String> fieldLocations) {

    public Hl7Flag {
        fieldLocations = Map.copyOf(fieldLocations);
    }

    public boolean raisesFlag() {
        return flag != null;
    }
}
