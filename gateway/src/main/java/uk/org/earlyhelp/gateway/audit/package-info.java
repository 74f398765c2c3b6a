/**
 * The audit trail: one append-only, hash-chained record per decision (received, rejected, withheld,
 * shared, matched, alerted ...), written in the transaction of the decision it records, with signed
 * checkpoints of the chain head. Subjects appear only as keyed pseudonyms. Also the IG officers' views
 * of it: search by person, subject access, statistics, FHIR export, and verification.
 */
package uk.org.earlyhelp.gateway.audit;
