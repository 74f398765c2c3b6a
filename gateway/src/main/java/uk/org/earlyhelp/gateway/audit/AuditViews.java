package uk.org.earlyhelp.gateway.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every look at personal data is itself audited ({@code viewed}): who looked, at which view, and the
 * pseudonymous keys looked for (or, for an alert, the people it names). Recorded in a transaction of its own before the data is read, so
 * a view is on record even when reading fails.
 */
@Component
public class AuditViews {

    public static final String CHANNEL = "audit-api";

    private final AuditTrail audit;

    public AuditViews(AuditTrail audit) {
        this.audit = audit;
    }

    public void record(String username, String view, List<String> subjectKeys, Map<String, Object> parameters) {
        record(CHANNEL, username, view, subjectKeys, parameters);
    }

    /** @param channel where the person looked: {@value #CHANNEL}, or the web console's own channel */
    public void record(String channel, String username, String view, List<String> subjectKeys,
            Map<String, Object> parameters) {
        Map<String, Object> detail = new LinkedHashMap<>(parameters);
        detail.put("user", username);
        detail.put("view", view);
        audit.appendIndependently(AuditEntry.of(Decision.VIEWED).agency(null, channel).subjects(subjectKeys)
                .detail(detail));
    }
}
