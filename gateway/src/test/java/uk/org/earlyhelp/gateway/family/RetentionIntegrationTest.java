package uk.org.earlyhelp.gateway.family;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/** Flags past their agreement's retention are deleted, from family histories and from the held ones, and audited. */
class RetentionIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    RetentionJob retention;

    @Test
    void flagsPastTheirRetentionAreDeletedAndTheDeletionAudited() throws Exception {
        TestFamily family = new TestFamily();
        LocalDate threeYearsAgo = LocalDate.now().minusYears(3);
        ObjectNode oldSuspension = TestFlags.schoolSuspension(family).put("occurredOn", threeYearsAgo.toString());
        ((ObjectNode) oldSuspension.get("details")).put("startDate", threeYearsAgo.toString());
        ObjectNode oldConcern = TestFlags.healthVisitingConcern(family, "maternal-mental-health", "medium")
                .put("occurredOn", threeYearsAgo.toString());
        String stored = submit("greenfield-primary", oldSuspension);
        String held = submit("riverside-health-visiting", oldConcern);
        awaitDecision(stored, "family-linked");
        awaitDecision(held, "pending-consent");

        retention.deleteBefore(LocalDate.now());

        assertThat(jdbc.queryForObject("select count(*) from family_flags where receipt_id = ?::uuid",
                Integer.class, stored)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pending_flags where receipt_id = ?::uuid",
                Integer.class, held)).isZero();
        assertThat(decisionsFor(stored)).contains("retention-deleted");
        assertThat(decisionsFor(held)).contains("retention-deleted");
    }
}
