package uk.org.earlyhelp.routes.pipeline;

import uk.org.earlyhelp.routes.model.ReceivedFlag;

/**
 * Remembers which receipts the pipeline has processed. The broker delivers at least once (a consumer
 * that dies before it commits gets the flag again), so this is what makes processing happen once.
 */
public interface FlagLedger {

    /** Records the receipt in the current transaction; false when it was processed before. */
    boolean firstDelivery(ReceivedFlag flag);

    /** Lets a flag be processed again: one held for want of consent, released when consent is given. */
    void forget(ReceivedFlag flag);

    /** Records, with the receipt's entry and in the current transaction, the alert version its processing published. */
    void recordPublication(String receiptId, AlertPublication publication);

    /**
     * For a flag delivered again after it was processed: the alert version its processing published, to
     * be sent again in case the broker transaction that carried it never committed (the broker drops it
     * if it did). Null when it published none, or when the alert has moved on to a later version since,
     * which was published by the flag that made it and carries everything the earlier one said.
     */
    AlertPublication publicationToRepeat(ReceivedFlag flag);
}
