package uk.org.earlyhelp.gateway.console.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.console.ConsoleChannel;
import uk.org.earlyhelp.gateway.console.NotFound;

/**
 * What a locality worker does with their team's alert: acknowledge it (the version they saw) or assign it
 * to a named worker. Each action and its audit record are one transaction, and only the team's own
 * alerts can be handled: another team's alert is not found.
 */
@Component
public class AlertHandling {

    /** A worker is named by their login name. */
    static final Pattern WORKER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    public AlertHandling(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Bad input to an action, with the field and why. */
    public static class InvalidAction extends RuntimeException {
        public InvalidAction(String message) {
            super(message);
        }
    }

    /** Marks the alert's current version as seen by the worker; a later version shows as new again. */
    @Transactional
    public void acknowledge(UUID alertId, String locality, String worker) {
        int version = lockedVersion(alertId, locality);
        Instant now = now();
        jdbc.update("update alerts set acknowledged_version = ?, acknowledged_at = ?, acknowledged_by = ? "
                + "where alert_id = ?", version, Timestamp.from(now), worker, alertId);
        audit.append(entry(Decision.ALERT_ACKNOWLEDGED, alertId, version, locality, worker, Map.of()));
    }

    /** Gives the alert to a named worker of the team. */
    @Transactional
    public void assign(UUID alertId, String locality, String assignee, String worker) {
        String name = assignee == null ? "" : assignee.strip();
        if (!WORKER_NAME.matcher(name).matches()) {
            throw new InvalidAction("assignee: give a worker's login name, 1 to 64 letters, digits, "
                    + "'.', '_', '@' or '-'");
        }
        int version = lockedVersion(alertId, locality);
        jdbc.update("update alerts set assigned_to = ?, assigned_at = ?, assigned_by = ? where alert_id = ?",
                name, Timestamp.from(now()), worker, alertId);
        audit.append(entry(Decision.ALERT_ASSIGNED, alertId, version, locality, worker, Map.of("assignedTo", name)));
    }

    private int lockedVersion(UUID alertId, String locality) {
        List<Integer> versions = jdbc.queryForList(
                "select version from alerts where alert_id = ? and locality_id = ? for update", Integer.class,
                alertId, locality);
        if (versions.isEmpty()) {
            throw new NotFound("no such alert for this locality");
        }
        return versions.get(0);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static AuditEntry entry(String decision, UUID alertId, int version, String locality, String worker,
            Map<String, Object> more) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("alertId", alertId.toString());
        detail.put("version", version);
        detail.put("locality", locality);
        detail.put("user", worker);
        detail.putAll(more);
        return AuditEntry.of(decision).agency(null, ConsoleChannel.ID).detail(detail);
    }
}
