package uk.org.earlyhelp.gateway.intake.batch;

/** One problem with one row: the column to fix and what is wrong, never the value. */
public record RowError(int row, String field, String problem) {
}
