package uk.org.earlyhelp.gateway.matching;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.matching.review.ReviewQueue;
import uk.org.earlyhelp.gateway.matching.review.ReviewStatus;
import uk.org.earlyhelp.gateway.matching.scoring.BlockingKeys;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;
import uk.org.earlyhelp.gateway.policy.SharingAgreements;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.model.Subject;
import uk.org.earlyhelp.routes.pipeline.MatchedFlag;
import uk.org.earlyhelp.routes.pipeline.MatchedPerson;
import uk.org.earlyhelp.routes.pipeline.PersonMatcher;
import uk.org.earlyhelp.routes.pipeline.SharingDecision;

/**
 * Resolves every subject of a shared flag to a person, in this order:
 * <ol>
 * <li>a reviewer's decision about this subject of this flag, when the flag comes back from review;</li>
 * <li>a valid NHS number, then a valid UPN, held by a person (never an invalid one);</li>
 * <li>Fellegi–Sunter: the persons sharing a blocking key are scored, and the best decides: at or above the
 * match threshold it is the person; between the thresholds a reviewer must decide; below, a new person.</li>
 * </ol>
 * If any subject needs a reviewer, the whole flag is held ({@code match-review-held}) and nothing is written
 * to the index: it joins no family until every review of it is decided. People named in one flag are
 * different people, so a person already claimed by one subject is no candidate for another.
 */
@Component
public class ProbabilisticPersonMatcher implements PersonMatcher {

    static final String RULE_ID = "fellegi-sunter-match";
    static final int RULE_VERSION = 1;

    static final String CREATED = "created";
    static final String PROBABILISTIC = "probabilistic";
    static final String REVIEW_CONFIRMED = "review-confirmed";

    private final PersonIndex index;
    private final PersonScorer scorer;
    private final CandidateScoring candidates;
    private final MatchLocks locks;
    private final ReviewQueue reviews;
    private final AuditTrail audit;
    private final Pseudonymiser pseudonymiser;
    private final SharingAgreements agreements;

    public ProbabilisticPersonMatcher(PersonIndex index, PersonScorer scorer, CandidateScoring candidates,
            MatchLocks locks, ReviewQueue reviews, AuditTrail audit, Pseudonymiser pseudonymiser,
            SharingAgreements agreements) {
        this.candidates = candidates;
        this.agreements = agreements;
        this.index = index;
        this.scorer = scorer;
        this.locks = locks;
        this.reviews = reviews;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
    }

    /** How one subject was resolved: a person (null while it is still to be created) and the evidence. */
    private record Resolution(UUID personId, String method, Map<String, Object> evidence) {
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public MatchedFlag match(SharingDecision shared) {
        ReceivedFlag flag = shared.flag();
        List<Subject> subjects = flag.subjects();
        locks.lock(subjects.stream().flatMap(subject -> BlockingKeys.of(subject).stream()).toList());

        Map<Integer, ReviewQueue.Review> decided = reviews.decisionsFor(flag.receiptId());
        Resolution[] resolved = new Resolution[subjects.size()];
        Set<UUID> claimed = new HashSet<>();
        // First what is certain (a reviewer's confirmation, a valid identifier), so that those persons are
        // no longer candidates for the flag's other subjects.
        for (int i = 0; i < subjects.size(); i++) {
            ReviewQueue.Review review = decided.get(i);
            if (review != null && review.status() == ReviewStatus.CONFIRMED) {
                resolved[i] = new Resolution(review.candidatePersonId(), REVIEW_CONFIRMED,
                        Map.of("reviewId", review.reviewId().toString()));
            } else {
                Optional<PersonIndex.Found> found = index.byValidIdentifier(subjects.get(i));
                if (found.isPresent() && !claimed.contains(found.get().personId())) {
                    resolved[i] = new Resolution(found.get().personId(), found.get().method(), Map.of());
                }
            }
            if (resolved[i] != null) {
                claimed.add(resolved[i].personId());
            }
        }
        List<ReviewQueue.Pair> toReview = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            if (resolved[i] == null) {
                resolved[i] = score(i, subjects.get(i), decided.get(i), claimed, toReview);
            }
        }
        if (!toReview.isEmpty()) {
            return hold(flag, toReview);
        }
        return link(flag, resolved);
    }

    /**
     * Scores the subject against its candidates. A subject a reviewer has already rejected is not sent to
     * review again: only a clear match links it, else it becomes a new person.
     */
    private Resolution score(int i, Subject subject, ReviewQueue.Review rejected, Set<UUID> claimed,
            List<ReviewQueue.Pair> toReview) {
        Optional<CandidateScoring.Best> found = candidates.best(subject, person -> !claimed.contains(person)
                && (rejected == null || !rejected.candidatePersonId().equals(person)));
        PersonScorer.Score best = found.map(CandidateScoring.Best::score).orElse(null);
        UUID bestPerson = found.map(CandidateScoring.Best::personId).orElse(null);
        Map<String, Object> evidence = best == null ? Map.of("candidates", 0) : MatchEvidence.of(best, scorer.weights());
        if (best != null && best.decision() == PersonScorer.Decision.MATCH) {
            claimed.add(bestPerson);
            return new Resolution(bestPerson, PROBABILISTIC, evidence);
        }
        if (best != null && best.decision() == PersonScorer.Decision.REVIEW && rejected == null) {
            claimed.add(bestPerson);
            toReview.add(new ReviewQueue.Pair(i, bestPerson, MatchEvidence.round(best.total()), evidence));
            return new Resolution(bestPerson, "review", evidence);
        }
        return new Resolution(null, CREATED, evidence);
    }

    private MatchedFlag hold(ReceivedFlag flag, List<ReviewQueue.Pair> pairs) {
        Period retention = agreements.ruleFor(flag.agency().kind(), flag.flagType())
                .orElseThrow(() -> new IllegalStateException("no agreement in force for a shared " + flag.flagType()))
                .rule().retention();
        List<UUID> ids = reviews.hold(flag, pairs, retention);
        List<Map<String, Object>> held = new ArrayList<>();
        for (int n = 0; n < pairs.size(); n++) {
            ReviewQueue.Pair pair = pairs.get(n);
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("reviewId", ids.get(n).toString());
            review.put("subject", pair.subjectIndex());
            review.put("candidatePersonId", pair.candidatePersonId().toString());
            review.put("evidence", pair.evidence());
            held.add(review);
        }
        audit.append(entry(flag, Decision.MATCH_REVIEW_HELD).detail(Map.of("reviews", held)));
        return MatchedFlag.held(flag);
    }

    private MatchedFlag link(ReceivedFlag flag, Resolution[] resolved) {
        List<MatchedPerson> persons = new ArrayList<>();
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < resolved.length; i++) {
            Subject subject = flag.subjects().get(i);
            UUID personId = resolved[i].personId();
            if (personId == null) {
                personId = index.create(subject);
            } else {
                index.enrich(personId, subject);
            }
            persons.add(new MatchedPerson(i, personId, resolved[i].method()));
            Map<String, Object> how = new LinkedHashMap<>(resolved[i].evidence());
            how.put("method", resolved[i].method());
            detail.put("subject" + i, how);
        }
        audit.append(entry(flag, Decision.MATCHED).detail(detail));
        return new MatchedFlag(flag, persons);
    }

    private AuditEntry entry(ReceivedFlag flag, String decision) {
        return AuditEntry.of(decision).agency(flag.agency().id(), flag.channel())
                .flag(flag.flagType(), flag.receiptId()).rule(RULE_ID, RULE_VERSION)
                .subjects(pseudonymiser.keysFor(flag.subjects()));
    }
}
