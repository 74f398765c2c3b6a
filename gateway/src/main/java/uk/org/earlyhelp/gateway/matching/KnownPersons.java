package uk.org.earlyhelp.gateway.matching;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * Who a flag's subject already is, for the stages before matching (consent is looked up in the policy
 * stage, and again when consent releases held flags). It finds a person the way the matcher would link
 * one (a valid identifier, else a candidate scoring above the match threshold) but changes nothing: no
 * person is created, no review is opened. A subject the matcher would send to review is not known here,
 * so consent recorded for the candidate does not count for it until a reviewer confirms the pair.
 */
@Component
public class KnownPersons {

    private final PersonIndex index;
    private final CandidateScoring candidates;

    public KnownPersons(PersonIndex index, CandidateScoring candidates) {
        this.index = index;
        this.candidates = candidates;
    }

    public Optional<UUID> of(Subject subject) {
        Optional<PersonIndex.Found> byIdentifier = index.byValidIdentifier(subject);
        if (byIdentifier.isPresent()) {
            return byIdentifier.map(PersonIndex.Found::personId);
        }
        return candidates.best(subject, person -> true)
                .filter(best -> best.score().decision() == PersonScorer.Decision.MATCH)
                .map(CandidateScoring.Best::personId);
    }
}
