package uk.org.earlyhelp.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.agency.AgencyDirectory;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.metrics.GatewayMetrics;
import uk.org.earlyhelp.gateway.matching.Normalise;
import uk.org.earlyhelp.gateway.policy.ApplicableRule;
import uk.org.earlyhelp.gateway.policy.Minimiser;
import uk.org.earlyhelp.gateway.policy.SharingAgreements;
import uk.org.earlyhelp.routes.intake.AdmittedFlag;
import uk.org.earlyhelp.routes.intake.FlagAdmission;
import uk.org.earlyhelp.routes.intake.IncomingFlag;
import uk.org.earlyhelp.routes.intake.NotPermittedBySharingAgreement;
import uk.org.earlyhelp.routes.intake.SchemaViolation;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.model.Subject;
import uk.org.earlyhelp.schemas.FieldError;
import uk.org.earlyhelp.schemas.FlagSchemas;

/**
 * Admits a flag: valid against its schema, a type the agency may send under an agreement, minimised to
 * that agreement's allow-list, with a receipt registered. Every outcome is audited; a rejection in a
 * transaction of its own, because the intake transaction it interrupts is rolled back.
 */
@Component
public class GatewayFlagAdmission implements FlagAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayFlagAdmission.class);
    private static final ObjectMapper JSON = FlagCodec.mapper();
    private static final TypeReference<List<Subject>> SUBJECTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final FlagSchemas schemas;
    private final AgencyDirectory agencies;
    private final SharingAgreements agreements;
    private final IntakeReceipts receipts;
    private final AuditTrail audit;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;
    private final GatewayMetrics metrics;

    public GatewayFlagAdmission(FlagSchemas schemas, AgencyDirectory agencies, SharingAgreements agreements,
            IntakeReceipts receipts, AuditTrail audit, Pseudonymiser pseudonymiser, Clock clock,
            GatewayMetrics metrics) {
        this.metrics = metrics;
        this.schemas = schemas;
        this.agencies = agencies;
        this.agreements = agreements;
        this.receipts = receipts;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AdmittedFlag admit(IncomingFlag incoming) {
        JsonNode document = parse(incoming);
        List<FieldError> errors = schemas.validate(document);
        String flagType = document.path("flagType").asText(null);
        if (!errors.isEmpty()) {
            audit.appendIndependently(entry(incoming, Decision.REJECTED).flag(flagType, null)
                    .detail(Map.of("fields", errors.stream().map(FieldError::field).distinct().toList())));
            // Field pointers only, never values: they say what to fix without saying about whom.
            LOG.info("rejected flag from agency={} channel={} type={} fields={}", incoming.agency().id(),
                    incoming.channel(), flagType, errors.stream().map(FieldError::field).distinct().toList());
            metrics.flag(incoming.agency().id(), incoming.channel(), "rejected");
            throw new SchemaViolation(errors);
        }
        // Both must say yes: the agency's own configuration and an agreement covering its kind.
        boolean agencyMaySend = agencies.byId(incoming.agency().id())
                .map(agency -> agency.maySend(flagType)).orElse(false);
        ApplicableRule applicable = agreements.ruleFor(incoming.agency().kind(), flagType)
                .filter(rule -> agencyMaySend)
                .orElseThrow(() -> refuse(incoming, flagType));

        String sourceMessageId = document.get("sourceMessageId").asText();
        Optional<UUID> earlier = receipts.existing(incoming.agency().id(), sourceMessageId);
        Instant receivedAt = clock.instant();
        // Derived, not random: a retry after a commit that failed behind a broker send gets the same receipt.
        UUID receiptId = ReceiptIds.receiptFor(pseudonymiser, incoming.agency().id(), sourceMessageId);
        if (earlier.isPresent()
                || !receipts.register(receiptId, incoming.agency().id(), sourceMessageId, flagType,
                        incoming.channel(), receivedAt)) {
            return duplicate(incoming, flagType, sourceMessageId, earlier);
        }

        Minimiser.Minimised minimised = Minimiser.apply(document, applicable.rule().keep());
        ReceivedFlag flag = toReceivedFlag(incoming, receiptId.toString(), receivedAt, minimised, applicable);
        List<String> subjectKeys = pseudonymiser.keysFor(flag.subjects());
        audit.append(entry(incoming, Decision.RECEIVED).flag(flagType, flag.receiptId()).subjects(subjectKeys)
                .rule(applicable.rule().ruleId(), applicable.agreement().version())
                .detail(Map.of("agreement", applicable.agreement().id(), "sourceMessageId", sourceMessageId)));
        if (!minimised.droppedFields().isEmpty()) {
            audit.append(entry(incoming, Decision.FIELDS_DROPPED).flag(flagType, flag.receiptId()).subjects(subjectKeys)
                    .rule(applicable.rule().ruleId(), applicable.agreement().version())
                    .detail(Map.of("dropped", minimised.droppedFields())));
        }
        LOG.info("admitted flag receipt={} agency={} channel={} type={} dropped={}", flag.receiptId(),
                incoming.agency().id(), incoming.channel(), flagType, minimised.droppedFields().size());
        metrics.flag(incoming.agency().id(), incoming.channel(), "accepted");
        return new AdmittedFlag(flag, false, identityGroup(flag));
    }

    private AdmittedFlag duplicate(IncomingFlag incoming, String flagType, String sourceMessageId,
            Optional<UUID> earlier) {
        UUID first = earlier.orElseGet(() -> receipts.existing(incoming.agency().id(), sourceMessageId).orElseThrow());
        metrics.flag(incoming.agency().id(), incoming.channel(), "duplicate");
        audit.append(entry(incoming, Decision.DUPLICATE).flag(flagType, first.toString())
                .detail(Map.of("sourceMessageId", sourceMessageId)));
        ReceivedFlag known = new ReceivedFlag(first.toString(), null, null, null, sourceMessageId, flagType,
                null, List.of(), Map.of(), null, 0, List.of());
        return new AdmittedFlag(known, true, null);
    }

    private NotPermittedBySharingAgreement refuse(IncomingFlag incoming, String flagType) {
        metrics.flag(incoming.agency().id(), incoming.channel(), "refused");
        audit.appendIndependently(entry(incoming, Decision.AGENCY_REFUSED).flag(flagType, null)
                .detail(Map.of("reason", "flag type not permitted for this agency")));
        return new NotPermittedBySharingAgreement(incoming.agency().id(), flagType);
    }

    private JsonNode parse(IncomingFlag incoming) {
        try {
            return JSON.readTree(incoming.body());
        } catch (JsonProcessingException e) {
            // Only the position: Jackson's message quotes the surrounding text.
            SchemaViolation notJson = new SchemaViolation(List.of(new FieldError("",
                    "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")")));
            audit.appendIndependently(entry(incoming, Decision.REJECTED).detail(Map.of("fields", List.of(""))));
            throw notJson;
        }
    }

    private static ReceivedFlag toReceivedFlag(IncomingFlag incoming, String receiptId, Instant receivedAt,
            Minimiser.Minimised minimised, ApplicableRule applicable) {
        JsonNode document = minimised.document();
        return new ReceivedFlag(receiptId, incoming.agency(), incoming.channel(), receivedAt,
                document.get("sourceMessageId").asText(), document.get("flagType").asText(),
                LocalDate.parse(document.get("occurredOn").asText()),
                JSON.convertValue(document.get("subjects"), SUBJECTS),
                JSON.convertValue(document.get("details"), DETAILS),
                applicable.agreement().id(), applicable.agreement().version(), minimised.droppedFields());
    }

    /**
     * The message group: flags about one household go to one consumer at a time, in order. Keyed on the
     * pseudonymised postcode, so no personal data travels in broker headers.
     */
    private String identityGroup(ReceivedFlag flag) {
        return flag.subjects().stream()
                .map(Subject::postcode)
                .filter(postcode -> postcode != null)
                .findFirst()
                .map(postcode -> pseudonymiser.key("household", Normalise.postcode(postcode)))
                .orElseGet(() -> pseudonymiser.keysFor(flag.subjects()).stream().findFirst().orElse(flag.receiptId()));
    }

    private static AuditEntry entry(IncomingFlag incoming, String decision) {
        return AuditEntry.of(decision).agency(incoming.agency().id(), incoming.channel());
    }
}
