/**
 * The master person index and the matcher: each subject of a shared flag is found by a valid NHS
 * number, then a valid UPN, then exact surname, date of birth and postcode, or created.
 */
package uk.org.earlyhelp.gateway.matching;
