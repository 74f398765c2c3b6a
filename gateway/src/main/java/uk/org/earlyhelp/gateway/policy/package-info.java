/**
 * Information-sharing agreements: which agency kinds may share which flag types, on which lawful basis,
 * with or without consent, and which fields survive (the allow-list every other field is dropped by).
 */
package uk.org.earlyhelp.gateway.policy;
