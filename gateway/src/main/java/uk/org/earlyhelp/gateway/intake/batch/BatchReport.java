package uk.org.earlyhelp.gateway.intake.batch;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/batches/{id}} returns to the school that sent the batch.
 *
 * @param errorCount all row errors; {@code errors} lists the first {@link BatchStore#REPORTED_ERRORS}
 */
public record BatchReport(String batchId, String agency, String transport, String format, String status,
        Instant receivedAt, Instant finishedAt, String fileSha256, BatchCounts counts, int errorCount,
        List<RowError> errors) {
}
