/**
 * The published contract of the Early Help Gateway: JSON Schemas for the flags partner agencies send
 * and for the alerts locality teams receive, the examples that illustrate them, and the validation
 * the gateway applies on intake.
 *
 * <p>Nothing in this package logs, and no error message ever quotes a value from a document: flags
 * are about children and their families, so every value is potentially personal data. The networknt
 * validator can trace whole documents at DEBUG when its execution debug flag is on; {@link FlagSchemas}
 * keeps that flag off, and the {@code com.networknt} logger should stay at INFO or above regardless.
 */
package uk.org.earlyhelp.schemas;
