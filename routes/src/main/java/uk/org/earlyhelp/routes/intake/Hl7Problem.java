package uk.org.earlyhelp.routes.intake;

/**
 * One reason an HL7 v2 message was refused, for the ERR segment of the acknowledgement.
 *
 * @param location where in the message, as segment^repetition^field (e.g. {@code PID^1^3}); a segment
 *                 alone (e.g. {@code OBX}) when the segment itself is missing
 * @param problem  what is wrong, in plain English; never the field's value
 */
public record Hl7Problem(String location, String problem) {
}
