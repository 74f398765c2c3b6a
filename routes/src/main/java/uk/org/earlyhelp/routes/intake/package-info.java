/**
 * Intake: every channel (HTTPS JSON, and later MLLP, AMQP, CSV) hands an {@link
 * uk.org.earlyhelp.routes.intake.IncomingFlag} to the shared {@code intake-accept} route, which admits it
 * and acknowledges only once the minimised flag is durably on {@code flags.received}.
 */
package uk.org.earlyhelp.routes.intake;
