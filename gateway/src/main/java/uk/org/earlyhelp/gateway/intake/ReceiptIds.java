package uk.org.earlyhelp.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;

/**
 * A flag's receipt id, derived from the sending agency and its source message id (keyed, so it cannot be
 * computed without the gateway's secret). Intake sends to the broker before its database commit; if that
 * commit fails, the sender gets no 202 but the flag may already be on the broker, where duplicate detection
 * (keyed on the same pair) will drop the sender's retry. With a derived id the retry's receipt is the one
 * the flag on the broker carries, so the receipt the sender is given is the one that gets processed.
 */
final class ReceiptIds {

    private ReceiptIds() {
    }

    static UUID receiptFor(Pseudonymiser pseudonymiser, String agencyId, String sourceMessageId) {
        return UUID.nameUUIDFromBytes(pseudonymiser.key("receipt", agencyId + "\n" + sourceMessageId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
