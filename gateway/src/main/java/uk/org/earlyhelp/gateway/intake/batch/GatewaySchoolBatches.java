package uk.org.earlyhelp.gateway.intake.batch;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.agency.AgencyDirectory;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.routes.intake.BatchRow;
import uk.org.earlyhelp.routes.intake.BatchSummary;
import uk.org.earlyhelp.routes.intake.IncomingBatch;
import uk.org.earlyhelp.routes.intake.IncomingFlag;
import uk.org.earlyhelp.routes.intake.IntakeReceipt;
import uk.org.earlyhelp.routes.intake.IntakeRejection;
import uk.org.earlyhelp.routes.intake.NotPermittedBySharingAgreement;
import uk.org.earlyhelp.routes.intake.OpenBatch;
import uk.org.earlyhelp.routes.intake.SchemaViolation;
import uk.org.earlyhelp.routes.intake.SchoolBatchRoute;
import uk.org.earlyhelp.routes.intake.SchoolBatches;
import uk.org.earlyhelp.schemas.FieldError;
import uk.org.earlyhelp.schemas.FlagSchemas;

/**
 * Reads a school's batch and decides what each row is: a flag for the shared intake (attendance at or
 * above persistent absence, every exclusion), a row that is no flag (attendance below persistent
 * absence: counted, nothing stored about the pupil), or a rejected row with its errors by column.
 * Logs carry batch ids, counts and row numbers only.
 */
@Component
public class GatewaySchoolBatches implements SchoolBatches {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySchoolBatches.class);

    private final BatchStore store;
    private final SchoolInboxes inboxes;
    private final AgencyDirectory agencies;
    private final FlagSchemas schemas;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;

    public GatewaySchoolBatches(BatchStore store, SchoolInboxes inboxes, AgencyDirectory agencies,
            FlagSchemas schemas, Pseudonymiser pseudonymiser, Clock clock) {
        this.store = store;
        this.inboxes = inboxes;
        this.agencies = agencies;
        this.schemas = schemas;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    @Override
    public String inboxDirectory() {
        return inboxes.directory().toString();
    }

    @Override
    public IncomingBatch fromInbox(String relativePath, InputStream content) {
        return new IncomingBatch(inboxes.schoolOf(relativePath), "inbox", content);
    }

    @Override
    public OpenBatch open(IncomingBatch incoming) {
        UUID id = UUID.randomUUID();
        store.create(id, incoming.agency().id(), incoming.transport(), clock.instant());
        DigestInputStream digest = new DigestInputStream(incoming.content(), sha256());
        CsvLines lines = new CsvLines(new BufferedReader(new InputStreamReader(digest, StandardCharsets.UTF_8)));
        CsvLines.Line header = lines.next();
        List<String> columns = header == null ? List.of()
                : header.fields().stream().map(BatchFormat::columnName).toList();
        BatchFormat format = BatchFormat.of(columns);
        List<FieldError> problems = headerProblems(header, format, columns);
        if (!problems.isEmpty()) {
            List<RowError> errors = problems.stream().map(p -> new RowError(1, p.field(), p.problem())).toList();
            end(id, "rejected", errors, new BatchCounts(0, 0, 0, 0, 0), null);
            LOG.info("batch={} agency={} rejected: the header is not a published format", id, incoming.agency().id());
            throw new BatchRefused(id.toString(), errors);
        }
        boolean maySend = agencies.byId(incoming.agency().id())
                .map(agency -> agency.maySend(format.flagType())).orElse(false);
        if (!maySend) {
            end(id, "rejected", List.of(new RowError(1, "header", "this school may not send "
                    + format.flagType() + " flags")), new BatchCounts(0, 0, 0, 0, 0), null);
            LOG.info("batch={} agency={} rejected: may not send {}", id, incoming.agency().id(), format.flagType());
            throw new NotPermittedBySharingAgreement(incoming.agency().id(), format.flagType());
        }
        store.formatRead(id, format);
        LOG.info("batch={} agency={} transport={} format={} reading rows", id, incoming.agency().id(),
                incoming.transport(), format.id());
        SchoolRowMapper mapper = new SchoolRowMapper(format, columns, pseudonymiser::key);
        return new RunningBatch(id, incoming.agency(), format, lines, mapper, digest);
    }

    private static List<FieldError> headerProblems(CsvLines.Line header, BatchFormat format, List<String> columns) {
        if (header == null) {
            return List.of(new FieldError("header", "the file is empty"));
        }
        if (header.problem() != null) {
            return List.of(new FieldError("header", header.problem()));
        }
        if (format == null) {
            return List.of(new FieldError("header", "is neither format: attendance has sessions_possible and "
                    + "sessions_missed, exclusions have kind and reason_category"));
        }
        return format.headerProblems(columns);
    }

    @Override
    public Iterator<BatchRow> rows(OpenBatch open) {
        RunningBatch batch = (RunningBatch) open;
        return new Iterator<>() {
            private CsvLines.Line next = batch.lines.next();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BatchRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                CsvLines.Line line = next;
                BatchRow row = assess(batch, line);
                next = batch.lines.next();
                return row;
            }
        };
    }

    /** A row for intake, or one settled here (no flag, or rejected as a row). */
    BatchRow assess(RunningBatch batch, CsvLines.Line line) {
        batch.rowRead();
        if (batch.dueForFlush()) {
            flush(batch);
        }
        if (line.problem() != null) {
            batch.rejected(List.of(new RowError(line.number(), "row", line.problem())));
            return new BatchRow(line.number(), null);
        }
        SchoolRowMapper.MappedRow mapped = batch.mapper.map(line.fields());
        if (!mapped.errors().isEmpty()) {
            batch.rejected(toRowErrors(line.number(), mapped.errors(), batch.format));
            return new BatchRow(line.number(), null);
        }
        if (mapped.absence() == AbsenceThreshold.BELOW_PERSISTENT) {
            // No flag, but the row must still be a valid row of the format: checked against the same schema.
            List<FieldError> errors = schemas.validate(mapped.flag());
            if (errors.isEmpty()) {
                batch.noFlag();
            } else {
                batch.rejected(toRowErrors(line.number(), errors, batch.format));
            }
            return new BatchRow(line.number(), null);
        }
        return new BatchRow(line.number(),
                new IncomingFlag(batch.agency, SchoolBatchRoute.CHANNEL, mapped.flag().toString()));
    }

    @Override
    public void admitted(OpenBatch open, BatchRow row, IntakeReceipt receipt) {
        ((RunningBatch) open).accepted(receipt.duplicate());
    }

    @Override
    public void refused(OpenBatch open, BatchRow row, Throwable failure) {
        RunningBatch batch = (RunningBatch) open;
        IntakeRejection rejection = IntakeRejection.in(failure)
                .orElseThrow(() -> new IllegalStateException("not an intake rejection", failure));
        List<FieldError> errors = rejection instanceof SchemaViolation violation ? violation.errors()
                : List.of(new FieldError("", rejection.getMessage()));
        batch.rejected(toRowErrors(row.rowNumber(), errors, batch.format));
    }

    @Override
    public BatchSummary close(OpenBatch open) {
        RunningBatch batch = (RunningBatch) open;
        BatchCounts counts = batch.counts();
        end(batch.id, "completed", batch.takeErrors(), counts, batch.fileSha256());
        LOG.info("batch={} completed rows={} flagsAccepted={} duplicates={} noFlagRows={} rejectedRows={}",
                batch.id, counts.rows(), counts.flagsAccepted(), counts.duplicates(), counts.noFlagRows(),
                counts.rejectedRows());
        return new BatchSummary(batch.batchId(), "completed");
    }

    @Override
    public void fail(OpenBatch open, Throwable cause) {
        if (!(open instanceof RunningBatch batch)) {
            return; // refused at its header (already on record as rejected), or never recorded
        }
        BatchCounts counts = batch.counts();
        end(batch.id, "failed", batch.takeErrors(), counts, null);
        // The type only: a database or broker message could quote a row.
        LOG.warn("batch={} failed after rows={}: {}", batch.id, counts.rows(), cause.getClass().getName());
    }

    private void flush(RunningBatch batch) {
        store.addErrors(batch.id, batch.takeErrors());
        store.progress(batch.id, batch.counts());
    }

    private void end(UUID id, String status, List<RowError> errors, BatchCounts counts, String sha256) {
        store.addErrors(id, errors);
        store.finish(id, status, counts, sha256, clock.instant());
    }

    private static List<RowError> toRowErrors(int row, List<FieldError> errors, BatchFormat format) {
        return errors.stream()
                .map(error -> new RowError(row, error.field().startsWith("/") || error.field().isEmpty()
                        ? ColumnOfField.column(error.field(), format) : error.field(), error.problem()))
                .distinct().toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
