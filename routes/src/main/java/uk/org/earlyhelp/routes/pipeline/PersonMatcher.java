package uk.org.earlyhelp.routes.pipeline;

/** Finds or creates the person behind each subject of a shared flag, and audits how. */
public interface PersonMatcher {

    MatchedFlag match(SharingDecision shared);
}
