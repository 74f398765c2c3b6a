package uk.org.earlyhelp.gateway.matching;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.matching.scoring.BlockingKeys;

/**
 * Gives the persons created before blocking keys existed (before migration V7) their keys, at start, so
 * that the probabilistic matcher can find them. Keys are computed in Java (Soundex, validation of the
 * identifiers), not SQL, hence here rather than in the migration. Until it has run, such persons are still
 * found by their identifiers.
 */
@Component
class BlockingKeyBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingKeyBackfill.class);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final PersonIndex index;

    BlockingKeyBackfill(JdbcTemplate jdbc, PersonIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public void run(ApplicationArguments args) {
        int filled = 0;
        while (true) {
            List<UUID> unkeyed = jdbc.queryForList("""
                    select p.person_id from persons p
                     where not exists (select 1 from person_blocking_keys k where k.person_id = p.person_id)
                     limit ?
                    """, UUID.class, BATCH);
            int keyed = 0;
            for (UUID personId : unkeyed) {
                List<String> keys = index.person(personId).map(p -> BlockingKeys.of(p.person())).orElse(List.of());
                index.addBlockingKeys(personId, keys);
                keyed += keys.isEmpty() ? 0 : 1;
            }
            filled += keyed;
            // A person with nothing to block on (no name, date of birth or identifier) stays unkeyed.
            if (unkeyed.size() < BATCH || keyed == 0) {
                break;
            }
        }
        if (filled > 0) {
            LOG.info("blocking keys filled in for {} persons", filled);
        }
    }
}
