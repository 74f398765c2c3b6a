package uk.org.earlyhelp.routes.intake;

/** What a finished batch tells its sender: its id and status; the full report is read by id. */
public record BatchSummary(String batchId, String status) {
}
