/**
 * Families: a household (same address, UPRN where known) joined by the relationships declared in
 * flags, and each family's history of minimised flags with the need each one evidences.
 */
package uk.org.earlyhelp.gateway.family;
