package uk.org.earlyhelp.gateway.agency;

import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.intake.BrokerPublishers;
import uk.org.earlyhelp.routes.model.Agency;

/** Finds the agency a client certificate belongs to. The certificate is the only source of identity. */
@Component
public class AgencyDirectory implements BrokerPublishers {

    private final Map<X500Principal, ConfiguredAgency> bySubject;
    private final Map<String, ConfiguredAgency> byId;

    public AgencyDirectory(AgencySettings settings) {
        // Compared as X500Principals so spacing and attribute-case differences in configuration don't matter.
        this.bySubject = settings.agencies().stream()
                .collect(Collectors.toUnmodifiableMap(
                        agency -> new X500Principal(agency.certificateSubject()), Function.identity()));
        this.byId = settings.agencies().stream()
                .collect(Collectors.toUnmodifiableMap(ConfiguredAgency::id, Function.identity()));
    }

    public Optional<ConfiguredAgency> forCertificate(X509Certificate certificate) {
        return bySubject(certificate.getSubjectX500Principal());
    }

    /** For channels that are given the verified certificate's subject rather than the certificate (MLLP). */
    public Optional<ConfiguredAgency> bySubject(X500Principal subject) {
        return Optional.ofNullable(bySubject.get(subject));
    }

    public Optional<ConfiguredAgency> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every configured agency may publish to the broker; its certificate decides the address. */
    @Override
    public List<Agency> brokerPublishers() {
        return byId.values().stream().map(ConfiguredAgency::asAgency)
                .sorted(Comparator.comparing(Agency::id)).toList();
    }
}
