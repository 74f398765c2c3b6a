package uk.org.earlyhelp.routes.pipeline;

import org.apache.camel.Exchange;
import org.slf4j.MDC;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

/**
 * Puts the flag being processed into the logging context (MDC), so that every log line a stage writes
 * carries the receipt id, agency and flag type as fields of the structured log, and nothing personal.
 * The pipeline's consumer threads are pooled, so the context is cleared when a flag is done, and replaced
 * when the next flag arrives.
 */
final class PipelineLogContext {

    static final String RECEIPT_ID = "receiptId";
    static final String AGENCY = "agency";
    static final String FLAG_TYPE = "flagType";

    private PipelineLogContext() {
    }

    static void enter(Exchange exchange) {
        ReceivedFlag flag = exchange.getMessage().getBody(ReceivedFlag.class);
        MDC.put(RECEIPT_ID, flag.receiptId());
        MDC.put(AGENCY, flag.agency().id());
        MDC.put(FLAG_TYPE, flag.flagType());
    }

    static void leave(Exchange exchange) {
        MDC.remove(RECEIPT_ID);
        MDC.remove(AGENCY);
        MDC.remove(FLAG_TYPE);
    }
}
