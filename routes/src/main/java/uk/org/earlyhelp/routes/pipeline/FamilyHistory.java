package uk.org.earlyhelp.routes.pipeline;

/** Puts a matched flag's persons into one family and adds the minimised flag to its history. */
public interface FamilyHistory {

    FamilyFlag record(MatchedFlag matched);
}
