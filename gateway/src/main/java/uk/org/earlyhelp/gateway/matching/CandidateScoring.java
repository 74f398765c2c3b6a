package uk.org.earlyhelp.gateway.matching;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.matching.scoring.BlockingKeys;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * The best-scoring known person for a subject: the persons sharing one of its blocking keys, each scored
 * with the weights in force. The matcher decides on the result; the consent lookup only takes a clear match.
 */
@Component
public class CandidateScoring {

    /** A candidate person and how the subject scored against them. */
    public record Best(UUID personId, PersonScorer.Score score) {
    }

    private final PersonIndex index;
    private final PersonScorer scorer;

    public CandidateScoring(PersonIndex index, PersonScorer scorer) {
        this.index = index;
        this.scorer = scorer;
    }

    /** @param eligible which candidates may be considered (the matcher leaves out claimed and rejected ones) */
    public Optional<Best> best(Subject subject, Predicate<UUID> eligible) {
        Best best = null;
        for (PersonIndex.Indexed candidate : index.candidates(BlockingKeys.of(subject))) {
            if (!eligible.test(candidate.personId())) {
                continue;
            }
            PersonScorer.Score score = scorer.score(subject, candidate.person());
            if (best == null || score.total() > best.score().total()) {
                best = new Best(candidate.personId(), score);
            }
        }
        return Optional.ofNullable(best);
    }
}
