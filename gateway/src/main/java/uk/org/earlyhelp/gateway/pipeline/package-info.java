/** What the pipeline routes need besides the stages: the processed-receipt ledger and the dead-letter audit. */
package uk.org.earlyhelp.gateway.pipeline;
