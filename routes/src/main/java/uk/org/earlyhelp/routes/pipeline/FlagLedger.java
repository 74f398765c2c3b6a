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
}
