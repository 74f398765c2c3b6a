package uk.org.earlyhelp.gateway.intake.batch;

import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import uk.org.earlyhelp.routes.intake.OpenBatch;
import uk.org.earlyhelp.routes.model.Agency;

/**
 * A batch being read: its reader, its row mapper and what has become of its rows so far. Counts and
 * errors are kept here and written every {@link #FLUSH_EVERY} rows, not one database write per row.
 */
final class RunningBatch implements OpenBatch {

    static final int FLUSH_EVERY = 1000;

    final UUID id;
    final Agency agency;
    final BatchFormat format;
    final CsvLines lines;
    final SchoolRowMapper mapper;
    private final DigestInputStream digest;

    private int rows;
    private int flagsAccepted;
    private int duplicates;
    private int noFlagRows;
    private int rejectedRows;
    private final List<RowError> pendingErrors = new ArrayList<>();

    RunningBatch(UUID id, Agency agency, BatchFormat format, CsvLines lines, SchoolRowMapper mapper,
            DigestInputStream digest) {
        this.id = id;
        this.agency = agency;
        this.format = format;
        this.lines = lines;
        this.mapper = mapper;
        this.digest = digest;
    }

    @Override
    public String batchId() {
        return id.toString();
    }

    synchronized void rowRead() {
        rows++;
    }

    synchronized void accepted(boolean duplicate) {
        if (duplicate) {
            duplicates++;
        } else {
            flagsAccepted++;
        }
    }

    synchronized void noFlag() {
        noFlagRows++;
    }

    synchronized void rejected(List<RowError> errors) {
        rejectedRows++;
        pendingErrors.addAll(errors);
    }

    synchronized boolean dueForFlush() {
        return rows % FLUSH_EVERY == 0;
    }

    synchronized List<RowError> takeErrors() {
        List<RowError> taken = List.copyOf(pendingErrors);
        pendingErrors.clear();
        return taken;
    }

    synchronized BatchCounts counts() {
        return new BatchCounts(rows, flagsAccepted, duplicates, noFlagRows, rejectedRows);
    }

    /** The SHA-256 of the bytes read so far: the whole file's once the last row has been read. */
    String fileSha256() {
        return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }
}
