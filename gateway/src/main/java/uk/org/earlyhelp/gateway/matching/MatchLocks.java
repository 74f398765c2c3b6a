package uk.org.earlyhelp.gateway.matching;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises matching of records that could be about the same person. Two consumers handling flags about
 * the same new child at the same moment would each find no one and each create a person; with a
 * transaction-scoped advisory lock on every blocking key of the flag's subjects, the second waits until the
 * first has committed its new person (and its keys) and then finds it. Locks are taken in ascending order
 * of their ids, so two flags sharing several keys cannot deadlock; they are released at commit or rollback.
 */
@Component
public class MatchLocks {

    /** The first half of the two-part advisory lock id: this class's namespace (issue 6). */
    static final int NAMESPACE = 6;

    private final JdbcTemplate jdbc;

    public MatchLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<String> blockingKeys) {
        TreeSet<Integer> ids = new TreeSet<>();
        blockingKeys.forEach(key -> ids.add(lockId(key)));
        for (int id : ids) {
            jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", NAMESPACE, id);
        }
    }

    /** A stable 32-bit id for a key (a collision only makes two unrelated flags wait for each other). */
    static int lockId(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
