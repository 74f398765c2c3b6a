package uk.org.earlyhelp.gateway.alerting;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param windowDays  how far back the rules look, from today
 * @param localities  the locality teams and the postcode sectors ({@code WA7 1}) or districts ({@code WA8}) each covers
 */
@ConfigurationProperties("gateway.alerting")
public record AlertingSettings(int windowDays, List<Locality> localities) {

    /** @param certificateSubject the subject DN of the team's client certificate for reading its alert queue */
    public record Locality(String id, String name, List<String> postcodeAreas, String certificateSubject) {
    }

    public AlertingSettings {
        localities = localities == null ? List.of() : List.copyOf(localities);
    }
}
