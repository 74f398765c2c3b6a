package uk.org.earlyhelp.gateway.agency;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The configured partner agencies ({@code gateway.agencies}). */
@ConfigurationProperties("gateway")
public record AgencySettings(List<ConfiguredAgency> agencies) {

    public AgencySettings {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }
}
