/**
 * The master person index and the matcher: each subject of a shared flag is found by a valid NHS number or
 * UPN, else by Fellegi–Sunter scoring of the persons sharing a blocking key, or created; pairs between the
 * thresholds go to a reviewer ({@code review}).
 */
package uk.org.earlyhelp.gateway.matching;
