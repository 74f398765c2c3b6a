/**
 * Intake behind the channels: admission of a flag (schema, agency permission, minimisation, receipt)
 * and the HTTPS JSON channel {@code POST /api/v1/flags}, with its problem+json answers.
 */
package uk.org.earlyhelp.gateway.intake;
