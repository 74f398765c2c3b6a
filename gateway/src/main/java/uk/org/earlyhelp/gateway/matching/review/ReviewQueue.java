package uk.org.earlyhelp.gateway.matching.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

/**
 * The review tables ({@code match_held_flags}, {@code match_reviews}): flags held because a subject scored
 * between the thresholds, one review per such subject, and the decisions, which are kept so that the
 * matcher can follow them when the flag comes back through the pipeline.
 */
@Component
public class ReviewQueue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {
    };

    /** A subject of a flag and the person it may be, with the evidence (levels and weights only). */
    public record Pair(int subjectIndex, UUID candidatePersonId, double score, Map<String, Object> evidence) {
    }

    /** A review as stored. */
    public record Review(UUID reviewId, UUID receiptId, int subjectIndex, UUID candidatePersonId, double score,
            Map<String, Object> evidence, ReviewStatus status, Instant heldAt, String decidedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ReviewQueue(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Holds the flag with one pending review per pair; returns the reviews' ids in the pairs' order.
     *
     * @param retention the agreement's: the flag is deleted undecided when it runs out
     */
    public List<UUID> hold(ReceivedFlag flag, List<Pair> pairs, Period retention) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into match_held_flags (receipt_id, agency_id, flag_type, flag, held_at, expires_on)
                values (?, ?, ?, cast(? as jsonb), ?, ?) on conflict (receipt_id) do nothing
                """, UUID.fromString(flag.receiptId()), flag.agency().id(), flag.flagType(), FlagCodec.toJson(flag), now,
                Date.valueOf(flag.occurredOn().plus(retention)));
        return pairs.stream().map(pair -> {
            UUID reviewId = UUID.randomUUID();
            jdbc.update("""
                    insert into match_reviews (review_id, receipt_id, subject_index, candidate_person_id, score,
                                               evidence, status, held_at)
                    values (?, ?, ?, ?, ?, cast(? as jsonb), 'pending', ?)
                    """, reviewId, UUID.fromString(flag.receiptId()), pair.subjectIndex(), pair.candidatePersonId(),
                    pair.score(), json(pair.evidence()), now);
            return reviewId;
        }).toList();
    }

    /** The decided reviews of a flag, by subject index: what the matcher must follow. */
    public Map<Integer, Review> decisionsFor(String receiptId) {
        Map<Integer, Review> decided = new HashMap<>();
        jdbc.query(SELECT + " where receipt_id = ? and status <> 'pending'", (row, n) -> review(row),
                UUID.fromString(receiptId)).forEach(review -> decided.put(review.subjectIndex(), review));
        return decided;
    }

    public List<Review> pending() {
        return jdbc.query(SELECT + " where status = 'pending' order by held_at, receipt_id, subject_index",
                (row, n) -> review(row));
    }

    /** The review, locked against a concurrent decision until the transaction ends. */
    public Optional<Review> lock(UUID reviewId) {
        return jdbc.query(SELECT + " where review_id = ? for update", (row, n) -> review(row), reviewId)
                .stream().findFirst();
    }

    public void decide(UUID reviewId, ReviewStatus status, String reviewer) {
        jdbc.update("update match_reviews set status = ?, decided_by = ?, decided_at = ? where review_id = ?",
                status.id(), reviewer, Timestamp.from(clock.instant()), reviewId);
    }

    public boolean anyPending(UUID receiptId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from match_reviews where receipt_id = ? and status = 'pending')",
                Boolean.class, receiptId));
    }

    public Optional<ReceivedFlag> heldFlag(UUID receiptId) {
        return jdbc.query("select flag::text from match_held_flags where receipt_id = ?",
                (row, n) -> FlagCodec.fromJson(row.getString(1)), receiptId).stream().findFirst();
    }

    /** @return false when it was released already */
    public boolean release(UUID receiptId) {
        return jdbc.update("delete from match_held_flags where receipt_id = ?", receiptId) == 1;
    }

    /** Deletes held flags whose retention ran out before today, with their undecided reviews; returns their receipts. */
    public List<UUID> expire(LocalDate today) {
        List<UUID> expired = jdbc.queryForList("delete from match_held_flags where expires_on < ? returning receipt_id",
                UUID.class, Date.valueOf(today));
        expired.forEach(receipt -> jdbc.update(
                "delete from match_reviews where receipt_id = ? and status = 'pending'", receipt));
        return expired;
    }

    private static final String SELECT = """
            select review_id, receipt_id, subject_index, candidate_person_id, score, evidence::text, status, held_at,
                   decided_by
              from match_reviews
            """;

    private static Review review(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Review(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getInt(3),
                row.getObject(4, UUID.class), row.getDouble(5), parse(row.getString(6)),
                ReviewStatus.of(row.getString(7)), row.getTimestamp(8).toInstant(), row.getString(9));
    }

    private static String json(Map<String, Object> evidence) {
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("match evidence could not be written as JSON", e);
        }
    }

    private static Map<String, Object> parse(String evidence) {
        try {
            return JSON.readValue(evidence, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored match evidence is not JSON", e);
        }
    }
}
