package uk.org.earlyhelp.gateway.intake.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The batch record and its error report. Each write commits on its own: a batch's progress is visible
 * while it runs, and what was recorded before a failure stays recorded.
 */
@Component
public class BatchStore {

    /** A report lists this many errors at most (with the total); a file of bad rows would otherwise be huge. */
    static final int REPORTED_ERRORS = 1000;

    private static final String SELECT = "select b.*, (select count(*) from batch_row_errors e "
            + "where e.batch_id = b.batch_id) as error_count from batches b";

    private final JdbcTemplate jdbc;

    public BatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID batchId, String agencyId, String transport, Instant receivedAt) {
        jdbc.update("insert into batches (batch_id, agency_id, transport, status, received_at) "
                + "values (?, ?, ?, 'processing', ?)", batchId, agencyId, transport, Timestamp.from(receivedAt));
    }

    void formatRead(UUID batchId, BatchFormat format) {
        jdbc.update("update batches set format = ? where batch_id = ?", format.id(), batchId);
    }

    void addErrors(UUID batchId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into batch_row_errors (batch_id, row_number, field, problem) values (?, ?, ?, ?)",
                errors, errors.size(), (insert, error) -> {
                    insert.setObject(1, batchId);
                    insert.setInt(2, error.row());
                    insert.setString(3, error.field());
                    insert.setString(4, error.problem());
                });
    }

    void progress(UUID batchId, BatchCounts counts) {
        jdbc.update("update batches set rows_read = ?, flags_accepted = ?, duplicates = ?, no_flag_rows = ?, "
                + "rejected_rows = ? where batch_id = ?", counts.rows(), counts.flagsAccepted(), counts.duplicates(),
                counts.noFlagRows(), counts.rejectedRows(), batchId);
    }

    void finish(UUID batchId, String status, BatchCounts counts, String fileSha256, Instant finishedAt) {
        progress(batchId, counts);
        jdbc.update("update batches set status = ?, file_sha256 = ?, finished_at = ? where batch_id = ?",
                status, fileSha256, Timestamp.from(finishedAt), batchId);
    }

    public Optional<BatchReport> report(UUID batchId) {
        List<RowError> errors = jdbc.query("select row_number, field, problem from batch_row_errors "
                + "where batch_id = ? order by row_number, field limit " + REPORTED_ERRORS,
                (row, n) -> new RowError(row.getInt(1), row.getString(2), row.getString(3)), batchId);
        return jdbc.query(SELECT + " where batch_id = ?", (row, n) -> toReport(row, errors), batchId)
                .stream().findFirst();
    }

    /** The school's own batches, newest first, without their error lists. */
    public List<BatchReport> recent(String agencyId, int limit) {
        return jdbc.query(SELECT + " where agency_id = ? order by received_at desc limit ?",
                (row, n) -> toReport(row, List.of()), agencyId, limit);
    }

    private static BatchReport toReport(ResultSet row, List<RowError> errors) throws SQLException {
        Timestamp finished = row.getTimestamp("finished_at");
        return new BatchReport(row.getString("batch_id"), row.getString("agency_id"), row.getString("transport"),
                row.getString("format"), row.getString("status"), row.getTimestamp("received_at").toInstant(),
                finished == null ? null : finished.toInstant(), row.getString("file_sha256"),
                new BatchCounts(row.getInt("rows_read"), row.getInt("flags_accepted"), row.getInt("duplicates"),
                        row.getInt("no_flag_rows"), row.getInt("rejected_rows")),
                row.getInt("error_count"), errors);
    }
}
