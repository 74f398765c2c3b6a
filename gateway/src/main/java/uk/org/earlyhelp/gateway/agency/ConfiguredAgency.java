package uk.org.earlyhelp.gateway.agency;

import java.util.Set;
import uk.org.earlyhelp.routes.model.Agency;
import uk.org.earlyhelp.routes.model.AgencyKind;

/**
 * One partner agency as configured.
 *
 * @param certificateSubject the exact subject DN of its client certificate (RFC 2253), its only identity
 * @param flagTypes          the flag types it may send; an agreement must also cover each of them
 */
public record ConfiguredAgency(String id, AgencyKind kind, String certificateSubject, Set<String> flagTypes) {

    public Agency asAgency() {
        return new Agency(id, kind);
    }

    public boolean maySend(String flagType) {
        return flagTypes != null && flagTypes.contains(flagType);
    }
}
