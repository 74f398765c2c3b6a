package uk.org.earlyhelp.routes.intake;

import uk.org.earlyhelp.routes.model.Agency;

/** Reads an HL7 v2 message from a health-visiting system as a canonical flag; implemented by the gateway. */
public interface Hl7FlagMapper {

    /**
     * @param agency the sender, established from its TLS client certificate
     * @param hl7    the message as received (segments separated by carriage returns)
     * @throws UnsupportedHl7Message a message type, event or version the conformance profile does not accept
     * @throws InvalidHl7Message     an accepted type whose content cannot make a flag
     */
    Hl7Flag toFlag(Agency agency, String hl7);
}
