/**
 * Families: a household (same address, UPRN where known) joined by the relationships declared in
 * flags, and each family's history of minimised flags with the need each one evidences. A match reviewer
 * can split a wrongly linked family ({@link uk.org.earlyhelp.gateway.family.FamilySplits}); the split stays
 * ({@link uk.org.earlyhelp.gateway.family.FamilySeparations}).
 */
package uk.org.earlyhelp.gateway.family;
