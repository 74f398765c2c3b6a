/**
 * Operational metrics (Micrometer, scraped at {@code /actuator/prometheus}): what came in from whom by
 * which channel, what was alerted where, what was dead-lettered, and how deep the queues are. Tags carry
 * agency, channel, locality and stage ids only: never anything about a person.
 */
package uk.org.earlyhelp.gateway.metrics;
