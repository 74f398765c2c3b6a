package uk.org.earlyhelp.gateway.console.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * A locality team's alerts as its workers see them: always asked for with the team's locality, so an
 * alert of another team is simply not found.
 */
@Component
public class LocalityAlerts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Pseudonymiser pseudonymiser;

    public LocalityAlerts(JdbcTemplate jdbc, Pseudonymiser pseudonymiser) {
        this.jdbc = jdbc;
        this.pseudonymiser = pseudonymiser;
    }

    /**
     * One alert with how the team is handling it.
     *
     * @param content the alert document as sent to the team (schema alert.schema.json)
     */
    public record Alert(UUID alertId, UUID familyId, String locality, String status, int version, Instant raisedAt,
            Instant updatedAt, JsonNode content, Integer acknowledgedVersion, Instant acknowledgedAt,
            String acknowledgedBy, String assignedTo, Instant assignedAt, String assignedBy) {

        /** Acknowledged, and nothing new has come in since. */
        public boolean acknowledged() {
            return acknowledgedVersion != null && acknowledgedVersion >= version;
        }

        /** The rules that raised it, by id: what the list shows, with no one's name. */
        public List<String> ruleIds() {
            List<String> ids = new ArrayList<>();
            content.path("reasons").forEach(reason -> ids.add(reason.path("ruleId").asText()));
            return ids;
        }

        public int memberCount() {
            return content.path("members").size();
        }
    }

    /** The team's alerts, the most recently updated first. */
    public List<Alert> forLocality(String locality, int limit) {
        return jdbc.query("select * from alerts where locality_id = ? order by updated_at desc limit ?",
                LocalityAlerts::alert, locality, limit);
    }

    /** The alert if it is the given team's; empty for another team's alert or none. */
    public Optional<Alert> find(UUID alertId, String locality) {
        return jdbc.query("select * from alerts where alert_id = ? and locality_id = ?", LocalityAlerts::alert,
                alertId, locality).stream().findFirst();
    }

    /**
     * The pseudonymous keys of the family's members (by NHS number, UPN, and name with date of birth), so
     * that a look at their alert is found by a search for any one of them.
     */
    public List<String> memberKeys(UUID familyId) {
        List<Subject> subjects = jdbc.query("""
                select p.given_name, p.family_name, p.date_of_birth,
                       (select min(identifier_value) from person_identifiers i
                         where i.person_id = p.person_id and i.identifier_type = 'nhs-number') as nhs_number,
                       (select min(identifier_value) from person_identifiers i
                         where i.person_id = p.person_id and i.identifier_type = 'upn') as upn
                  from family_members m join persons p on p.person_id = m.person_id
                 where m.family_id = ?
                """, (row, n) -> new Subject(null, null, row.getString("nhs_number"), row.getString("upn"),
                row.getString("given_name"), row.getString("family_name"),
                row.getDate("date_of_birth") == null ? null : row.getDate("date_of_birth").toLocalDate(), null, null),
                familyId);
        return pseudonymiser.keysFor(subjects);
    }

    private static Alert alert(ResultSet row, int n) throws SQLException {
        return new Alert(row.getObject("alert_id", UUID.class), row.getObject("family_id", UUID.class),
                row.getString("locality_id"), row.getString("status"), row.getInt("version"),
                instant(row.getTimestamp("raised_at")), instant(row.getTimestamp("updated_at")),
                document(row.getString("content")), (Integer) row.getObject("acknowledged_version"),
                instant(row.getTimestamp("acknowledged_at")), row.getString("acknowledged_by"),
                row.getString("assigned_to"), instant(row.getTimestamp("assigned_at")), row.getString("assigned_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static JsonNode document(String content) {
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            // Stored by the gateway after validation against the alert schema; unreadable means a defect.
            throw new IllegalStateException("a stored alert is not JSON", e);
        }
    }
}
