package uk.org.earlyhelp.gateway.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One receipt per (agency, source message id): the store that makes a resent flag a duplicate. */
@Component
public class IntakeReceipts {

    private final JdbcTemplate jdbc;

    public IntakeReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UUID> existing(String agencyId, String sourceMessageId) {
        return jdbc.query("select receipt_id from intake_receipts where agency_id = ? and source_message_id = ?",
                (row, n) -> row.getObject(1, UUID.class), agencyId, sourceMessageId).stream().findFirst();
    }

    /** @return false when a concurrent request registered the same source message first */
    public boolean register(UUID receiptId, String agencyId, String sourceMessageId, String flagType,
            String channel, Instant receivedAt) {
        return jdbc.update("""
                insert into intake_receipts (receipt_id, agency_id, source_message_id, flag_type, channel, received_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (agency_id, source_message_id) do nothing
                """, receiptId, agencyId, sourceMessageId, flagType, channel, Timestamp.from(receivedAt)) == 1;
    }
}
