package uk.org.earlyhelp.gateway.consent;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

/**
 * Flags held because the consent they need has not been recorded yet: minimised as received, kept until
 * a consent releases them or their agreement's retention runs out, whichever comes first.
 */
@Component
public class PendingConsent {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public PendingConsent(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param knownPersons the persons the index already knew, whose consent would release the flag */
    public void hold(ReceivedFlag flag, Collection<UUID> knownPersons, Period retention) {
        jdbc.update("""
                insert into pending_flags (receipt_id, agency_id, flag_type, flag, person_ids, held_at, expires_on)
                values (:receipt, :agency, :type, cast(:flag as jsonb), :persons, :now, :expires)
                on conflict (receipt_id) do nothing
                """, new MapSqlParameterSource()
                .addValue("receipt", UUID.fromString(flag.receiptId())).addValue("agency", flag.agency().id())
                .addValue("type", flag.flagType()).addValue("flag", FlagCodec.toJson(flag))
                .addValue("persons", knownPersons.toArray(UUID[]::new))
                .addValue("now", Timestamp.from(clock.instant()))
                .addValue("expires", Date.valueOf(flag.occurredOn().plus(retention))));
    }

    /** A held flag and the persons known to be its subjects when it was held. */
    public record Held(ReceivedFlag flag, List<UUID> personIds) {
    }

    /** What a practitioner may see of a held flag: no one's details, only what is waiting and until when. */
    public record Summary(UUID receiptId, String agencyId, String flagType, Instant heldAt, LocalDate expiresOn) {
    }

    public List<Summary> summaries() {
        return jdbc.query("select receipt_id, agency_id, flag_type, held_at, expires_on from pending_flags "
                + "order by held_at", new MapSqlParameterSource(), (row, n) -> new Summary(
                row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(),
                row.getDate(5).toLocalDate()));
    }

    /** Every flag held now, oldest first. */
    public List<Held> held() {
        return jdbc.query("select flag::text, person_ids from pending_flags order by held_at",
                new MapSqlParameterSource(), (row, n) -> new Held(FlagCodec.fromJson(row.getString(1)),
                        List.of((UUID[]) row.getArray(2).getArray())));
    }

    /** @return false when another transaction released or expired it first */
    public boolean remove(ReceivedFlag flag) {
        return jdbc.update("delete from pending_flags where receipt_id = :receipt",
                new MapSqlParameterSource("receipt", UUID.fromString(flag.receiptId()))) == 1;
    }

    /** Deletes held flags whose retention ran out before today; returns their receipts. */
    public List<UUID> expire(LocalDate today) {
        return jdbc.query("delete from pending_flags where expires_on < :today returning receipt_id",
                new MapSqlParameterSource("today", Date.valueOf(today)), (row, n) -> row.getObject(1, UUID.class));
    }
}
