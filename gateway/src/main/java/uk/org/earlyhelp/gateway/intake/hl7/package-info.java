/**
 * Health visiting over HL7 v2 (MLLP with TLS): the listener's TLS and MLLP component, the sender from its
 * certificate, HL7 to canonical flag, and the HAPI-built acknowledgements.
 */
package uk.org.earlyhelp.gateway.intake.hl7;
