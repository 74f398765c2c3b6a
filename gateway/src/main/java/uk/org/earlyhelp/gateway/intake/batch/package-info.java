/**
 * Schools' CSV batches behind {@code SchoolBatchRoute}: reading a file row by row, turning each row into
 * the canonical flag JSON by the published formats and absence definitions, the batch record with its
 * per-row error report, the per-school drop folders, and {@code /api/v1/batches}. Nothing here knows Camel.
 */
package uk.org.earlyhelp.gateway.intake.batch;
