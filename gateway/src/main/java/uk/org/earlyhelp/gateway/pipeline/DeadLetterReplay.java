package uk.org.earlyhelp.gateway.pipeline;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.util.Map;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.routes.Queues;

/**
 * Puts the flags on {@code flags.dead-letter} back on {@code flags.received} once an administrator has
 * fixed what made them fail. The move is one broker transaction: a flag is on one queue or the other,
 * never both or neither. Each replay is audited with who asked for it.
 */
@Component
public class DeadLetterReplay {

    private static final long DRAINED_AFTER_MS = 500;

    private final JmsTemplate jms;
    private final AuditTrail audit;

    public DeadLetterReplay(JmsTemplate jms, AuditTrail audit) {
        this.audit = audit;
        this.jms = new JmsTemplate(jms.getConnectionFactory());
        this.jms.setSessionTransacted(true);
    }

    /** @return how many flags went back to the pipeline */
    public int replayAll(String requestedBy) {
        Integer moved = jms.execute(session -> {
            MessageConsumer deadLetters = session.createConsumer(session.createQueue(Queues.FLAGS_DEAD_LETTER));
            MessageProducer pipeline = session.createProducer(session.createQueue(Queues.FLAGS_RECEIVED));
            int count = 0;
            for (Message message = deadLetters.receive(DRAINED_AFTER_MS); message != null;
                    message = deadLetters.receive(DRAINED_AFTER_MS)) {
                // A fresh message: the dead-letter properties and delivery count stay behind.
                pipeline.send(session.createTextMessage(((TextMessage) message).getText()));
                count++;
            }
            session.commit();
            return count;
        }, true);
        audit.appendIndependently(AuditEntry.of(Decision.DEAD_LETTERS_REPLAYED)
                .detail(Map.of("count", moved, "requestedBy", requestedBy)));
        return moved;
    }
}
