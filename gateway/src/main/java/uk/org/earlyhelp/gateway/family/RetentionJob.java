package uk.org.earlyhelp.gateway.family;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.consent.PendingConsent;
import uk.org.earlyhelp.gateway.matching.review.ReviewQueue;

/**
 * Storage that does not grow without bound: every night, flags past their agreement's retention are
 * deleted from family histories, from the flags held for consent and from those held for a match reviewer,
 * each deletion audited by receipt.
 */
@Component
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final Families families;
    private final PendingConsent pending;
    private final ReviewQueue matchReviews;
    private final AuditTrail audit;
    private final Clock clock;

    public RetentionJob(Families families, PendingConsent pending, ReviewQueue matchReviews, AuditTrail audit,
            Clock clock) {
        this.families = families;
        this.matchReviews = matchReviews;
        this.pending = pending;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${gateway.retention.cron:0 30 2 * * *}", zone = "Europe/London")
    @Transactional
    public void deleteWhatRetentionNoLongerAllows() {
        deleteBefore(LocalDate.now(clock.withZone(ENGLAND)));
    }

    /** @return how many flags were deleted */
    @Transactional
    public int deleteBefore(LocalDate today) {
        List<UUID> fromHistories = families.deletePastRetention(today);
        List<UUID> held = pending.expire(today);
        List<UUID> inReview = matchReviews.expire(today);
        fromHistories.forEach(receipt -> record(receipt, "family history"));
        held.forEach(receipt -> record(receipt, "held pending consent"));
        inReview.forEach(receipt -> record(receipt, "held for match review"));
        LOG.info("retention: deleted {} flags from family histories, {} held pending consent and {} held for match "
                + "review", fromHistories.size(), held.size(), inReview.size());
        return fromHistories.size() + held.size() + inReview.size();
    }

    private void record(UUID receipt, String from) {
        audit.append(AuditEntry.of(Decision.RETENTION_DELETED).flag(null, receipt.toString())
                .detail(Map.of("from", from)));
    }
}
