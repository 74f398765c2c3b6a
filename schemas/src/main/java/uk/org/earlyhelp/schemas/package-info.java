/**
 * The published contract of the Early Help Gateway: JSON Schemas for the flags partner agencies send
 * and for the alerts locality teams receive, the examples that illustrate them, and the validation
 * the gateway applies on intake.
 *
 * <p>Nothing in this package logs, and no error message ever quotes a value from a document: flags
 * are about children and their families, so every value is potentially personal data. Note that
 * the networknt validator logs documents at DEBUG level; keep the {@code com.networknt} logger at
 * INFO or above in every environment that sees real flags.
 */
package uk.org.earlyhelp.schemas;
