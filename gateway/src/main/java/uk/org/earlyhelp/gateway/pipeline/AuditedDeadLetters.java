package uk.org.earlyhelp.gateway.pipeline;

import java.util.Map;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.metrics.GatewayMetrics;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.pipeline.DeadLetters;

/** Puts a dead-lettered flag on the audit record, with the stage and the reason. */
@Component
public class AuditedDeadLetters implements DeadLetters {

    private final AuditTrail audit;
    private final GatewayMetrics metrics;

    public AuditedDeadLetters(AuditTrail audit, GatewayMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void record(String flagJson, String stage, String reason) {
        AuditEntry entry = AuditEntry.of(Decision.DEAD_LETTERED)
                .detail(Map.of("stage", String.valueOf(stage), "reason", String.valueOf(reason)));
        try {
            ReceivedFlag flag = FlagCodec.fromJson(flagJson);
            entry = entry.agency(flag.agency() == null ? null : flag.agency().id(), flag.channel())
                    .flag(flag.flagType(), flag.receiptId());
        } catch (RuntimeException unreadable) {
            entry = entry.detail(Map.of("stage", String.valueOf(stage), "reason", String.valueOf(reason),
                    "message", "not a readable received flag"));
        }
        audit.appendIndependently(entry);
        metrics.deadLetter(stage);
    }
}
