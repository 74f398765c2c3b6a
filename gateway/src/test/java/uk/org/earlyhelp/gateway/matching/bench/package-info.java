/** The matching benchmark: a synthetic population, agency records with known truth, and the yardsticks. */
package uk.org.earlyhelp.gateway.matching.bench;
