package uk.org.earlyhelp.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * A school and the police flag the same child, unknown to the gateway, at the same moment; the pipeline's
 * consumers take both at once. However they interleave, the child and the mother are one person each.
 */
class ConcurrentNewPersonIntegrationTest extends GatewayIntegrationTest {

    private static final int ROUNDS = 10;

    @Test
    void theSameNewChildFromTwoAgenciesAtOnceIsOnePerson() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<TestFamily> families = new ArrayList<>();
            List<String> receipts = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                TestFamily family = new TestFamily();
                families.add(family);
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<String> school = CompletableFuture.supplyAsync(() -> send(together,
                        "greenfield-primary", TestFlags.schoolSuspension(family)), senders);
                CompletableFuture<String> police = CompletableFuture.supplyAsync(() -> send(together,
                        "county-police", TestFlags.policeDomesticAbuse(family, false)), senders);
                receipts.add(school.get());
                receipts.add(police.get());
            }
            receipts.forEach(receipt -> awaitDecision(receipt, "family-linked"));

            for (TestFamily family : families) {
                assertThat(personsNamed(family, family.pupil)).as("the child of family " + family.surname).isEqualTo(1);
                assertThat(personsNamed(family, family.mother)).as("the mother of family " + family.surname)
                        .isEqualTo(1);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private String send(CyclicBarrier together, String agency, com.fasterxml.jackson.databind.JsonNode flag) {
        try {
            together.await();
            return submit(agency, flag);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int personsNamed(TestFamily family, TestFamily.Person person) {
        return jdbc.queryForObject("select count(*) from persons where family_name = ? and given_name = ?",
                Integer.class, family.surname, person.givenName());
    }
}
