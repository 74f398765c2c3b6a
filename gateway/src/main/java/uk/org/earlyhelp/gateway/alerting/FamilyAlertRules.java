package uk.org.earlyhelp.gateway.alerting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.family.Families;
import uk.org.earlyhelp.gateway.metrics.GatewayMetrics;
import uk.org.earlyhelp.gateway.family.Families.HistoryEntry;
import uk.org.earlyhelp.gateway.policy.SharingAgreements;
import uk.org.earlyhelp.routes.Queues;
import uk.org.earlyhelp.routes.model.AgencyKind;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.pipeline.AlertPublication;
import uk.org.earlyhelp.routes.pipeline.AlertRules;
import uk.org.earlyhelp.routes.pipeline.FamilyFlag;
import uk.org.earlyhelp.schemas.FieldError;
import uk.org.earlyhelp.schemas.FlagSchemas;

/**
 * Raises a family's alert when a rule fires, or updates its open alert with the new information (same
 * alert id, next version), and routes it to the locality that covers the family's postcode. The alert
 * lists members minimally (a date of birth only where an agreement's alert-fields allow it) and
 * contributing flags as type, date, agency kind and need: no narrative.
 */
@Component
public class FamilyAlertRules implements AlertRules {

    private static final Logger LOG = LoggerFactory.getLogger(FamilyAlertRules.class);
    static final String TRIAGE = "triage";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final Families families;
    private final AlertStore alerts;
    private final LocalityDirectory localities;
    private final AlertingSettings settings;
    private final FlagSchemas schemas;
    private final SharingAgreements agreements;
    private final GatewayMetrics metrics;
    private final AuditTrail audit;
    private final Clock clock;

    public FamilyAlertRules(Families families, AlertStore alerts, LocalityDirectory localities,
            AlertingSettings settings, FlagSchemas schemas, SharingAgreements agreements, AuditTrail audit,
            Clock clock, GatewayMetrics metrics) {
        this.metrics = metrics;
        this.agreements = agreements;
        this.families = families;
        this.alerts = alerts;
        this.localities = localities;
        this.settings = settings;
        this.schemas = schemas;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AlertPublication evaluate(FamilyFlag recorded) {
        UUID familyId = recorded.familyId();
        LocalDate since = LocalDate.now(clock.withZone(ENGLAND)).minusDays(settings.windowDays());
        List<HistoryEntry> recent = families.historySince(familyId, since);
        List<AlertReason> reasons = AlertConditions.evaluate(recent, settings.windowDays());
        if (reasons.isEmpty()) {
            return null;
        }
        String localityId = families.postcode(familyId).flatMap(localities::localityFor).orElse(TRIAGE);
        // Microseconds, as PostgreSQL keeps them, so every version of an alert shows the same raisedAt.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OpenAlert open = alerts.openFor(familyId).orElse(null);
        UUID alertId = open == null ? UUID.randomUUID() : open.alertId();
        int version = open == null ? 1 : open.version() + 1;
        Instant raisedAt = open == null ? now : open.raisedAt();

        String content = document(alertId, version, familyId, localityId, raisedAt, now, reasons, recent);
        if (open == null) {
            alerts.insert(alertId, familyId, localityId, Timestamp.from(now), content);
        } else {
            alerts.update(alertId, version, localityId, Timestamp.from(now), content);
        }
        ReceivedFlag flag = recorded.flag();
        audit.append(AuditEntry.of(open == null ? Decision.ALERT_RAISED : Decision.ALERT_UPDATED)
                .agency(flag.agency().id(), flag.channel()).flag(flag.flagType(), flag.receiptId())
                .rule(reasons.get(0).ruleId(), reasons.get(0).ruleVersion())
                .detail(Map.of("alertId", alertId.toString(), "version", version, "locality", localityId,
                        "familyId", familyId.toString(),
                        "rules", reasons.stream().map(AlertReason::ruleId).toList())));
        metrics.alert(localityId, open == null ? "raised" : "updated");
        LOG.info("{} alert={} version={} locality={} receipt={}", open == null ? "raised" : "updated", alertId,
                version, localityId, flag.receiptId());
        String destination = TRIAGE.equals(localityId) ? Queues.ALERTS_TRIAGE : Queues.alertsForLocality(localityId);
        return new AlertPublication(destination, alertId.toString(), version, familyId.toString(), content);
    }

    private String document(UUID alertId, int version, UUID familyId, String localityId, Instant raisedAt,
            Instant updatedAt, List<AlertReason> reasons, List<HistoryEntry> recent) {
        ObjectNode alert = FlagCodec.mapper().createObjectNode()
                .put("alertId", alertId.toString())
                .put("version", version)
                .put("familyId", familyId.toString())
                .put("locality", localityId)
                .put("raisedAt", raisedAt.toString())
                .put("updatedAt", updatedAt.toString());
        // A member's date of birth is shown only if an agreement behind one of the family's flags allows it.
        Set<String> alertable = recent.stream()
                .flatMap(entry -> agreements.ruleFor(AgencyKind.fromId(entry.agencyKind()), entry.flagType()).stream())
                .flatMap(applicable -> applicable.rule().alertFields().stream())
                .collect(Collectors.toSet());
        ArrayNode members = alert.putArray("members");
        for (Families.Member member : families.members(familyId)) {
            ObjectNode node = members.addObject().put("role", member.role())
                    .put("givenName", member.givenName()).put("familyName", member.familyName());
            if (member.dateOfBirth() != null && alertable.contains("subjects.dateOfBirth")) {
                node.put("dateOfBirth", member.dateOfBirth().toString());
            }
        }
        ArrayNode reasonNodes = alert.putArray("reasons");
        reasons.forEach(reason -> reasonNodes.addObject().put("ruleId", reason.ruleId())
                .put("ruleVersion", reason.ruleVersion()).put("explanation", reason.explanation()));
        ArrayNode contributing = alert.putArray("contributingFlags");
        recent.stream().filter(entry -> entry.needCategory() != null).forEach(entry -> contributing.addObject()
                .put("flagType", entry.flagType()).put("occurredOn", entry.occurredOn().toString())
                .put("agencyKind", entry.agencyKind()).put("needCategory", entry.needCategory())
                .put("severity", entry.severity()));
        List<FieldError> errors = schemas.validateAlert(alert);
        if (!errors.isEmpty()) {
            // Our own output breaking our own contract is a defect: fail loudly, the flag is retried then dead-lettered.
            throw new IllegalStateException("alert document breaks alert.schema.json at "
                    + errors.stream().map(FieldError::field).toList());
        }
        return alert.toString();
    }
}
