package uk.org.earlyhelp.gateway.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.pipeline.FlagLedger;

/** The processed receipts, in the same transaction as the processing, so the two cannot disagree. */
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
}
