package uk.org.earlyhelp.routes.intake;

import uk.org.earlyhelp.routes.model.Agency;

/** Who sent an MLLP message, from the subject of the client certificate the TLS handshake verified. */
public interface Hl7Senders {

    /** @throws UnknownAgency the certificate (issued by the gateway's CA) belongs to no configured agency */
    Agency agencyFor(String certificateSubject);
}
