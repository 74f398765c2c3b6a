package uk.org.earlyhelp.gateway.alerting;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.matching.Normalise;

/**
 * Which locality team covers a postcode: the most specific match wins, a sector ({@code WA7 1}) before
 * a district ({@code WA7}). A postcode no team covers goes to triage.
 */
@Component
public class LocalityDirectory {

    private final Map<String, String> localityByArea = new HashMap<>();

    public LocalityDirectory(AlertingSettings settings) {
        for (AlertingSettings.Locality locality : settings.localities()) {
            for (String area : locality.postcodeAreas()) {
                String previous = localityByArea.put(areaKey(area), locality.id());
                if (previous != null) {
                    throw new IllegalStateException("postcode area " + area + " is given to both "
                            + previous + " and " + locality.id());
                }
            }
        }
    }

    public Optional<String> localityFor(String postcode) {
        if (postcode == null) {
            return Optional.empty();
        }
        String compact = Normalise.postcode(postcode);
        if (compact.length() < 5) {
            return Optional.empty();
        }
        // The inward code is always three characters: digit + two letters.
        String outward = compact.substring(0, compact.length() - 3);
        String sector = outward + " " + compact.charAt(compact.length() - 3);
        return Optional.ofNullable(localityByArea.get(sector)).or(() -> Optional.ofNullable(localityByArea.get(outward)));
    }

    /**
     * A sector keeps its space and a district has none, so sector {@code WA1 1} and district {@code WA11}
     * stay two different areas.
     */
    private static String areaKey(String area) {
        return area.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
