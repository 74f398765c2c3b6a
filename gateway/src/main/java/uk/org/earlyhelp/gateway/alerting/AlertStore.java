package uk.org.earlyhelp.gateway.alerting;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The alerts table: at most one open alert per family, each update a higher version. */
@Component
class AlertStore {

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the family's open alert so two consumers cannot both raise version n+1. */
    Optional<OpenAlert> openFor(UUID familyId) {
        return jdbc.query("select alert_id, version, raised_at from alerts where family_id = ? and status = 'open' for update",
                (row, n) -> new OpenAlert(row.getObject(1, UUID.class), row.getInt(2), row.getTimestamp(3).toInstant()),
                familyId).stream().findFirst();
    }

    void insert(UUID alertId, UUID familyId, String localityId, Timestamp now, String content) {
        jdbc.update("""
                insert into alerts (alert_id, family_id, status, version, locality_id, raised_at, updated_at, content)
                values (?, ?, 'open', 1, ?, ?, ?, ?::jsonb)
                """, alertId, familyId, localityId, now, now, content);
    }

    void update(UUID alertId, int version, String localityId, Timestamp now, String content) {
        jdbc.update("update alerts set version = ?, locality_id = ?, updated_at = ?, content = ?::jsonb where alert_id = ?",
                version, localityId, now, content, alertId);
    }
}
