package uk.org.earlyhelp.gateway.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.pipeline.AlertPublication;
import uk.org.earlyhelp.routes.pipeline.FlagLedger;

/**
 * The processed receipts, in the same transaction as the processing, so the two cannot disagree; with
 * each, the alert version it published, so a redelivery after a crash can publish it again.
 */
@Component
public class JdbcFlagLedger implements FlagLedger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcFlagLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(ReceivedFlag flag) {
        return jdbc.update("insert into pipeline_ledger (receipt_id, processed_at) values (?, ?) on conflict do nothing",
                UUID.fromString(flag.receiptId()), Timestamp.from(clock.instant())) == 1;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(ReceivedFlag flag) {
        jdbc.update("delete from pipeline_ledger where receipt_id = ?", UUID.fromString(flag.receiptId()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordPublication(String receiptId, AlertPublication publication) {
        jdbc.update("update pipeline_ledger set alert_id = ?, alert_version = ?, alert_destination = ? where receipt_id = ?",
                UUID.fromString(publication.alertId()), publication.version(), publication.destination(),
                UUID.fromString(receiptId));
    }

    /**
     * The alert's document is read from the alerts table (one copy of a family's alert, not two); it is
     * the published version's as long as the alert has not moved on, which is the only case repeated.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AlertPublication publicationToRepeat(ReceivedFlag flag) {
        return jdbc.query("""
                select l.alert_destination, a.alert_id, a.version, a.family_id, a.content::text
                  from pipeline_ledger l join alerts a on a.alert_id = l.alert_id and a.version = l.alert_version
                 where l.receipt_id = ?
                """, (row, n) -> new AlertPublication(row.getString(1), row.getString(2), row.getInt(3),
                        row.getString(4), row.getString(5)),
                UUID.fromString(flag.receiptId())).stream().findFirst().orElse(null);
    }
}
