package uk.org.earlyhelp.gateway.family;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which families a match reviewer split apart ({@code family_separations}): the family stage consults it
 * before merging, so a split stays split. Separations name live families: {@link Families#merge} re-points
 * the merged family's separations to the survivor.
 */
@Component
public class FamilySeparations {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public FamilySeparations(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void separate(UUID family, UUID other, String reviewer) {
        jdbc.update("""
                insert into family_separations (family_id, other_family_id, separated_at, separated_by)
                values (:family, :other, :now, :reviewer)
                """, new MapSqlParameterSource().addValue("family", family).addValue("other", other)
                .addValue("now", Timestamp.from(clock.instant())).addValue("reviewer", reviewer));
    }

    /** Whether the two families were split apart (in either direction). */
    public boolean between(UUID family, UUID other) {
        return separatedFromAny(family, List.of(other));
    }

    /** Whether {@code family} was split apart from any of {@code others}. */
    public boolean separatedFromAny(UUID family, Collection<UUID> others) {
        if (others.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from family_separations
                                where (family_id = :family and other_family_id in (:others))
                                   or (other_family_id = :family and family_id in (:others)))
                """, new MapSqlParameterSource().addValue("family", family).addValue("others", others),
                Boolean.class));
    }
}
