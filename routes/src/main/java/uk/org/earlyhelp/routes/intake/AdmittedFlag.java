package uk.org.earlyhelp.routes.intake;

import uk.org.earlyhelp.routes.model.ReceivedFlag;

/**
 * A flag that passed intake.
 *
 * @param duplicate     the agency sent this source message id before; the earlier receipt stands
 * @param identityGroup the message group that keeps one family's flags in order across consumers
 */
public record AdmittedFlag(ReceivedFlag flag, boolean duplicate, String identityGroup) {

    public String receiptId() {
        return flag.receiptId();
    }

    /** Broker duplicate detection id: the same agency resending the same message is dropped there too. */
    public String deduplicationId() {
        return flag.agency().id() + ":" + flag.sourceMessageId();
    }
}
