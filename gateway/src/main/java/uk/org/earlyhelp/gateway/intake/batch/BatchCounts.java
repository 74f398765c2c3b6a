package uk.org.earlyhelp.gateway.intake.batch;

/**
 * What became of a batch's rows. Every data row is exactly one of: a flag accepted, a duplicate of a
 * flag accepted before, a row that is no flag by the published definitions, or a rejected row.
 */
public record BatchCounts(int rows, int flagsAccepted, int duplicates, int noFlagRows, int rejectedRows) {
}
