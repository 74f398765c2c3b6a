/**
 * The audit trail: one append-only, hash-chained record per decision (received, rejected, withheld,
 * shared, matched, alerted ...), written in the transaction of the decision it records. Subjects appear
 * only as keyed pseudonyms.
 */
package uk.org.earlyhelp.gateway.audit;
