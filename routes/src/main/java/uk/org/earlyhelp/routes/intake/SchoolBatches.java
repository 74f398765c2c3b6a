package uk.org.earlyhelp.routes.intake;

import java.io.InputStream;
import java.util.Iterator;

/**
 * Schools' CSV batches, implemented by the gateway and driven by {@link SchoolBatchRoute}: the batch
 * reads and assesses its rows, the route sends each row that is a flag through the shared intake and
 * reports back how intake answered.
 */
public interface SchoolBatches {

    /** The folder whose per-school subfolders are the drop inboxes, as an absolute path. */
    String inboxDirectory();

    /**
     * A file dropped in the inbox: its school is the folder's, so the folder's permissions are the control.
     *
     * @param relativePath the file's path below the inbox directory, {@code <agency-id>/<file>}
     * @throws IntakeRejection the folder is not a configured school's
     */
    IncomingBatch fromInbox(String relativePath, InputStream content);

    /**
     * Records the batch and reads its header. Throws an {@link IntakeRejection} when the header is not one
     * of the published formats or the school may not send that flag type; the batch is then on record
     * as rejected.
     */
    OpenBatch open(IncomingBatch incoming);

    /** The rows, read lazily one at a time as the caller iterates. */
    Iterator<BatchRow> rows(OpenBatch batch);

    void admitted(OpenBatch batch, BatchRow row, IntakeReceipt receipt);

    /** Intake refused the row's flag: the failure is either an {@link IntakeRejection} or wraps one. */
    void refused(OpenBatch batch, BatchRow row, Throwable rejection);

    BatchSummary close(OpenBatch batch);

    /** The batch could not be finished (unreadable input, broker or database down); {@code batch} may be null. */
    void fail(OpenBatch batch, Throwable cause);
}
