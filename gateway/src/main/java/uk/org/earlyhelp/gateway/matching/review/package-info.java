/**
 * The clerical-review queue: flags held because a subject scored between the match and review thresholds,
 * the reviewers' service ({@link uk.org.earlyhelp.gateway.matching.review.MatchReviews}) and its API.
 */
package uk.org.earlyhelp.gateway.matching.review;
