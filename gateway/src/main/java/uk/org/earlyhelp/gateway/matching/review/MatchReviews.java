package uk.org.earlyhelp.gateway.matching.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.matching.PersonIndex;
import uk.org.earlyhelp.routes.Queues;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.model.Subject;
import uk.org.earlyhelp.routes.pipeline.FlagLedger;

/**
 * What a match reviewer does, for the API and the web console alike:
 * <ul>
 * <li>{@link #pending(String)}: the pairs waiting, each with the incoming subject and the candidate person
 * side by side and the per-field evidence. This shows personal data, so each call is audited
 * ({@code viewed}, who, and the pseudonymous keys of everyone shown) before anything is read.</li>
 * <li>{@link #decide(UUID, ReviewStatus, String)}: the same person ({@link ReviewStatus#CONFIRMED}) or
 * different people ({@link ReviewStatus#REJECTED}); audited ({@code match-confirmed} /
 * {@code match-rejected}, with the reviewer and the evidence) in the transaction of the decision. When
 * the flag's last review is decided the flag goes back on {@code flags.received} and the matcher follows
 * the decisions: it links a confirmed subject to the candidate and never to a rejected one.</li>
 * </ul>
 */
@Component
public class MatchReviews {

    /** The audit channel of reviewers' actions. */
    public static final String CHANNEL = "match-review-api";
    static final String RULE_ID = "match-review";
    static final int RULE_VERSION = 1;

    /** A person's fields as a reviewer compares them; any may be null (not sent, or not allowed). */
    public record PersonFields(String givenName, String familyName, LocalDate dateOfBirth, String sex,
            String addressLine1, String postcode, String nhsNumber, String upn) {

        static PersonFields of(Subject s) {
            return new PersonFields(s.givenName(), s.familyName(), s.dateOfBirth(), s.sex(),
                    s.address() == null ? null : s.address().line1(), s.postcode(), s.nhsNumber(), s.upn());
        }
    }

    /** One field's comparison: its level (e.g. {@code NICKNAME}) and the weight it added, in bits. */
    public record FieldEvidence(String field, String level, double weight) {
    }

    /**
     * A pair waiting for a decision.
     *
     * @param incomingRole the subject's role in the flag (child, parent-carer, ...)
     * @param score        the total weight; the pair is between {@code reviewThreshold} and {@code matchThreshold}
     */
    public record PendingReview(UUID reviewId, UUID receiptId, String agencyId, String flagType, Instant heldAt,
            String incomingRole, PersonFields incoming, UUID candidatePersonId, PersonFields candidate, double score,
            double matchThreshold, double reviewThreshold, List<FieldEvidence> evidence) {
    }

    /** @param flagReleased whether this was the flag's last pending review, so the flag went on */
    public record DecisionOutcome(UUID reviewId, ReviewStatus status, boolean flagReleased) {
    }

    /** No review with this id. */
    public static class ReviewNotFound extends RuntimeException {
        public ReviewNotFound(UUID reviewId) {
            super("no match review " + reviewId);
        }
    }

    /** The review was decided before (by this reviewer or another): decisions are not changed here. */
    public static class ReviewAlreadyDecided extends RuntimeException {
        public ReviewAlreadyDecided(UUID reviewId, ReviewStatus status) {
            super("match review " + reviewId + " is already " + status.id());
        }
    }

    private final ReviewQueue queue;
    private final PersonIndex persons;
    private final FlagLedger ledger;
    private final ProducerTemplate broker;
    private final AuditTrail audit;
    private final Pseudonymiser pseudonymiser;

    public MatchReviews(ReviewQueue queue, PersonIndex persons, FlagLedger ledger, ProducerTemplate broker,
            AuditTrail audit, Pseudonymiser pseudonymiser) {
        this.queue = queue;
        this.persons = persons;
        this.ledger = ledger;
        this.broker = broker;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
    }

    /** The pending pairs, oldest first; audited as {@code viewed} by {@code reviewer} on the API's channel. */
    @Transactional
    public List<PendingReview> pending(String reviewer) {
        return pending(reviewer, CHANNEL);
    }

    /** As {@link #pending(String)}, audited on {@code channel} (the web console has its own). */
    @Transactional
    public List<PendingReview> pending(String reviewer, String channel) {
        List<PendingReview> pending = new ArrayList<>();
        for (ReviewQueue.Review review : queue.pending()) {
            ReceivedFlag flag = queue.heldFlag(review.receiptId()).orElse(null);
            PersonIndex.Indexed candidate = persons.person(review.candidatePersonId()).orElse(null);
            if (flag == null || candidate == null || review.subjectIndex() >= flag.subjects().size()) {
                continue; // released or deleted meanwhile
            }
            Subject incoming = flag.subjects().get(review.subjectIndex());
            pending.add(new PendingReview(review.reviewId(), review.receiptId(), flag.agency().id(), flag.flagType(),
                    review.heldAt(), incoming.role(), PersonFields.of(incoming), candidate.personId(),
                    PersonFields.of(candidate.person()), review.score(), number(review.evidence(), "matchThreshold"),
                    number(review.evidence(), "reviewThreshold"), fields(review.evidence())));
        }
        Set<String> shown = new LinkedHashSet<>();
        for (PendingReview review : pending) {
            shown.addAll(keys(review.incoming()));
            shown.addAll(keys(review.candidate()));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("user", reviewer);
        detail.put("view", "match-reviews");
        detail.put("reviews", pending.stream().map(review -> review.reviewId().toString()).toList());
        // In a transaction of its own, so the view stays on record even if this one fails later.
        audit.appendIndependently(AuditEntry.of(Decision.VIEWED).agency(null, channel)
                .subjects(new ArrayList<>(shown)).detail(detail));
        return pending;
    }

    /**
     * Records the reviewer's decision and, when it was the flag's last pending review, sends the flag on.
     *
     * @throws ReviewNotFound        no such review
     * @throws ReviewAlreadyDecided  decided before
     */
    @Transactional
    public DecisionOutcome decide(UUID reviewId, ReviewStatus decision, String reviewer) {
        return decide(reviewId, decision, reviewer, CHANNEL);
    }

    /** As {@link #decide(UUID, ReviewStatus, String)}, audited on {@code channel}. */
    @Transactional
    public DecisionOutcome decide(UUID reviewId, ReviewStatus decision, String reviewer, String channel) {
        if (decision == ReviewStatus.PENDING) {
            throw new IllegalArgumentException("a decision is confirmed or rejected");
        }
        ReviewQueue.Review review = queue.lock(reviewId).orElseThrow(() -> new ReviewNotFound(reviewId));
        if (review.status() != ReviewStatus.PENDING) {
            throw new ReviewAlreadyDecided(reviewId, review.status());
        }
        queue.decide(reviewId, decision, reviewer);
        ReceivedFlag flag = queue.heldFlag(review.receiptId()).orElse(null);
        boolean release = flag != null && !queue.anyPending(review.receiptId()) && queue.release(review.receiptId());

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reviewId", reviewId.toString());
        detail.put("reviewer", reviewer);
        detail.put("subject", review.subjectIndex());
        detail.put("candidatePersonId", review.candidatePersonId().toString());
        detail.put("evidence", review.evidence());
        detail.put("flagReleased", release);
        AuditEntry entry = AuditEntry.of(decision == ReviewStatus.CONFIRMED ? Decision.MATCH_CONFIRMED
                : Decision.MATCH_REJECTED).rule(RULE_ID, RULE_VERSION).detail(detail);
        if (flag != null) {
            entry = entry.agency(flag.agency().id(), channel).flag(flag.flagType(), flag.receiptId())
                    .subjects(pseudonymiser.keysFor(flag.subjects().get(review.subjectIndex())));
        }
        audit.append(entry);
        if (release) {
            // As a consent release does: the pipeline takes the flag again from the start, and the matcher
            // finds the decisions recorded above.
            ledger.forget(flag);
            broker.sendBody("jms:queue:" + Queues.FLAGS_RECEIVED, FlagCodec.toJson(flag));
        }
        return new DecisionOutcome(reviewId, decision, release);
    }

    private List<String> keys(PersonFields fields) {
        return pseudonymiser.keysFor(new Subject(null, null, fields.nhsNumber(), fields.upn(), fields.givenName(),
                fields.familyName(), fields.dateOfBirth(), null, null));
    }

    private static double number(Map<String, Object> evidence, String name) {
        Object value = evidence.get(name);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    private static List<FieldEvidence> fields(Map<String, Object> evidence) {
        List<FieldEvidence> fields = new ArrayList<>();
        Object all = evidence.get("fields");
        if (all instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((field, value) -> {
                Map<String, Object> level = (Map<String, Object>) value;
                fields.add(new FieldEvidence(field, String.valueOf(level.get("level")),
                        ((Number) level.get("weight")).doubleValue()));
            });
        }
        return fields;
    }
}
