package uk.org.earlyhelp.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit as FHIR R4 AuditEvent resources in a collection Bundle, following IHE Basic Audit Log Patterns
 * where they fit: the DICOM event type (import for a received flag, export for an alert sent, query for a
 * person search), the gateway's own decision as subtype, the sending agency or the gateway as agents,
 * each subject as an entity identified by its pseudonymous key, and the outcome. Plain JSON, no FHIR library.
 */
@Component
public class FhirAuditEvents {

    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String DECISIONS = "urn:uk-org-earlyhelp:audit-decision";
    static final String AGENCIES = "urn:uk-org-earlyhelp:agency";
    static final String LOCALITIES = "urn:uk-org-earlyhelp:locality";
    static final String USERS = "urn:uk-org-earlyhelp:user";
    static final String PSEUDONYMS = "urn:uk-org-earlyhelp:pseudonymous-subject-key";
    static final String RECEIPTS = "urn:uk-org-earlyhelp:receipt";
    static final String GATEWAY = "early-help-gateway";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IMPORTS = Set.of(Decision.RECEIVED, Decision.FIELDS_DROPPED, Decision.DUPLICATE,
            Decision.REJECTED, Decision.AGENCY_REFUSED);
    private static final Set<String> EXPORTS = Set.of(Decision.ALERT_RAISED, Decision.ALERT_UPDATED);
    /** Decisions a person made or a look a person took: the person (detail.user) is the requesting agent. */
    private static final Set<String> ALERT_HANDLING = Set.of(Decision.ALERT_ACKNOWLEDGED, Decision.ALERT_ASSIGNED);
    private static final Set<String> BY_A_PERSON = Set.of(Decision.VIEWED, Decision.ALERT_ACKNOWLEDGED,
            Decision.ALERT_ASSIGNED);
    private static final Set<String> FAILURES = Set.of(Decision.REJECTED, Decision.AGENCY_REFUSED,
            Decision.DEAD_LETTERED, Decision.AGREEMENTS_REFUSED);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public FhirAuditEvents(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One page of records recorded in [from, to), oldest first; a "next" link when the page is full. */
    public ObjectNode bundle(Instant from, Instant to, int page, int size, String selfUrl) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("limit", size).addValue("offset", (long) page * size);
        if (from != null) {
            where.add("recorded_at >= :from");
            parameters.addValue("from", Timestamp.from(from));
        }
        if (to != null) {
            where.add("recorded_at < :to");
            parameters.addValue("to", Timestamp.from(to));
        }
        List<AuditRecord> records = jdbc.query("select * from audit_records"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by seq limit :limit offset :offset", parameters, AuditTrail.RECORDS);
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection")
                .put("timestamp", clock.instant().toString());
        ArrayNode links = bundle.putArray("link");
        links.addObject().put("relation", "self").put("url", selfUrl + "&page=" + page + "&size=" + size);
        if (records.size() == size) {
            links.addObject().put("relation", "next").put("url", selfUrl + "&page=" + (page + 1) + "&size=" + size);
        }
        ArrayNode entries = bundle.putArray("entry");
        for (AuditRecord record : records) {
            entries.addObject().put("fullUrl", "urn:uk-org-earlyhelp:audit-record:" + record.seq())
                    .set("resource", auditEvent(record));
        }
        return bundle;
    }

    static ObjectNode auditEvent(AuditRecord record) {
        ObjectNode event = JSON.createObjectNode().put("resourceType", "AuditEvent")
                .put("id", "audit-" + record.seq());
        String decision = record.decision();
        if (IMPORTS.contains(decision)) {
            coding(event.putObject("type"), DCM, "110107", "Import");
        } else if (EXPORTS.contains(decision)) {
            coding(event.putObject("type"), DCM, "110106", "Export");
        } else if (Decision.VIEWED.equals(decision)) {
            coding(event.putObject("type"), DCM, "110112", "Query");
        } else {
            coding(event.putObject("type"), DCM, "110110", "Patient Record");
        }
        coding(event.putArray("subtype").addObject(), DECISIONS, decision, decision);
        event.put("action", IMPORTS.contains(decision) ? "C" : ALERT_HANDLING.contains(decision) ? "U" : "E");
        event.put("recorded", record.recordedAt().toString());
        event.put("outcome", FAILURES.contains(decision) ? "4" : "0");
        Object reason = record.detail().get("reason");
        if (reason != null) {
            event.put("outcomeDesc", reason.toString());
        }
        ArrayNode agents = event.putArray("agent");
        if (record.agencyId() != null) {
            agent(agents, "110153", "Source Role ID", AGENCIES, record.agencyId(), true);
        }
        if (BY_A_PERSON.contains(decision) && record.detail().get("user") != null) {
            agent(agents, "110153", "Source Role ID", USERS, record.detail().get("user").toString(), true);
        }
        ObjectNode gateway = agent(agents, EXPORTS.contains(decision) ? "110153" : "110152",
                EXPORTS.contains(decision) ? "Source Role ID" : "Destination Role ID", null, null,
                record.agencyId() == null && !BY_A_PERSON.contains(decision));
        gateway.putObject("who").put("display", GATEWAY);
        if (EXPORTS.contains(decision) && record.detail().get("locality") != null) {
            agent(agents, "110152", "Destination Role ID", LOCALITIES, record.detail().get("locality").toString(),
                    false);
        }
        ObjectNode source = event.putObject("source").put("site", GATEWAY);
        source.putObject("observer").put("display", GATEWAY);
        coding(source.putArray("type").addObject(), "http://terminology.hl7.org/CodeSystem/security-source-type",
                "4", "Application Server");
        ArrayNode entities = event.putArray("entity");
        for (String key : record.subjectKeys()) {
            ObjectNode entity = entities.addObject();
            entity.putObject("what").putObject("identifier").put("system", PSEUDONYMS).put("value", key);
            coding(entity.putObject("type"), "http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person");
            coding(entity.putObject("role"), "http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient");
        }
        if (record.receiptId() != null) {
            ObjectNode entity = entities.addObject();
            entity.putObject("what").putObject("identifier").put("system", RECEIPTS).put("value", record.receiptId());
            coding(entity.putObject("type"), "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
                    "System Object");
            if (record.flagType() != null) {
                entity.put("description", record.flagType());
            }
        }
        if (entities.isEmpty()) {
            event.remove("entity");
        }
        return event;
    }

    private static ObjectNode agent(ArrayNode agents, String roleCode, String roleDisplay, String system, String value,
            boolean requestor) {
        ObjectNode agent = agents.addObject();
        // agent.type is a CodeableConcept; the other codes here are Codings.
        coding(agent.putObject("type").putArray("coding").addObject(), DCM, roleCode, roleDisplay);
        if (system != null) {
            agent.putObject("who").putObject("identifier").put("system", system).put("value", value);
        }
        agent.put("requestor", requestor);
        return agent;
    }

    /** Fills a Coding (system, code, display). */
    private static void coding(ObjectNode target, String system, String code, String display) {
        target.put("system", system).put("code", code).put("display", display);
    }
}
