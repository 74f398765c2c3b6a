package uk.org.earlyhelp.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The gateway run as a council would run it: two gateway processes as competing consumers on a
 * standalone Artemis broker and a standalone PostgreSQL server ({@link Topology}). Flags go in over
 * HTTPS with mutual TLS through both gateways; after each scenario everything accepted so far is checked
 * ({@link PipelineChecks}). The scenarios run in order on the one topology: plain scale-out, then a
 * gateway killed (SIGKILL) mid-load, the broker killed mid-load, the database stopped for a while.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutSystemTest {

    private static final int FAMILIES = Integer.getInteger("system-test.families", 380);
    private static final int FAULT_FAMILIES = Integer.getInteger("system-test.fault-families", 50);
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(Integer.getInteger("system-test.database-outage-seconds", 30));
    private static final Duration SEND_DEADLINE = Duration.ofMinutes(4);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

    private final Random random = new Random(8);
    private final List<SyntheticFamily> families = new ArrayList<>();
    private final List<String> receipts = new ArrayList<>();
    private Topology topology;
    private PipelineChecks checks;
    private Figures figures;

    /** A failed scenario prints each process's log since its last start (they are in target/system-test/logs too). */
    @RegisterExtension
    final TestWatcher printLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (topology == null) {
                return;
            }
            for (ChildProcess process : topology.processes()) {
                List<String> lines = process.outputSinceStart().lines().toList();
                System.out.println("===== " + process.name() + " (last 200 lines of " + process.log() + ")");
                lines.subList(Math.max(0, lines.size() - 200), lines.size()).forEach(System.out::println);
            }
        }
    };

    @BeforeAll
    void startTopology() throws Exception {
        Instant started = Instant.now();
        figures = new Figures(java.nio.file.Path.of(System.getProperty("system-test.directory", "target/system-test"))
                .resolve("figures.txt"));
        Files.deleteIfExists(java.nio.file.Path.of(System.getProperty("system-test.directory", "target/system-test"))
                .resolve("figures.txt"));
        topology = Topology.start(figures);
        checks = new PipelineChecks(topology);
        figures.add("topology (PKI, PostgreSQL, Artemis, two gateways) up", Duration.between(started, Instant.now()));
    }

    @AfterAll
    void stopTopology() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    @Order(1)
    void twoGatewaysShareTheLoadAndProcessEveryFlagOnce() throws Exception {
        // Resends without a fault (a 503 under load) are reported among the figures, not failed on.
        sendAndDrain("scale-out", FAMILIES, load -> { });

        for (Topology.Gateway gateway : topology.gateways) {
            long alertsByThisGateway = gateway.process().outputSinceStart().lines()
                    .filter(line -> line.contains(" alert=")).count();
            assertThat(alertsByThisGateway).as(gateway.name() + " raised or updated alerts too (competing consumer)")
                    .isPositive();
        }
        checkEverything();
    }

    @Test
    @Order(2)
    void aGatewayKilledMidLoadLosesAndDoublesNothing() throws Exception {
        Topology.Gateway victim = topology.gateways.get(1);
        sendAndDrain("gateway killed", FAULT_FAMILIES, load -> {
            awaitAQuarterAccepted(load);
            victim.process().kill();
            figures.add("gateway killed (SIGKILL) after accepted flags", load.receiptBySource.size());
            Duration restart = topology.startGateway(victim);
            figures.add("killed gateway restarted, start to ready", restart);
        });
        checkEverything();
    }

    @Test
    @Order(3)
    void aBrokerKilledMidLoadLosesAndDoublesNothing() throws Exception {
        sendAndDrain("broker killed", FAULT_FAMILIES, load -> {
            awaitAQuarterAccepted(load);
            topology.killBroker();
            figures.add("broker killed (SIGKILL) after accepted flags", load.receiptBySource.size());
            Instant restarting = Instant.now();
            topology.startBroker();
            figures.add("broker restarted, start to active", Duration.between(restarting, Instant.now()));
            for (Topology.Gateway gateway : topology.gateways) {
                topology.awaitReady(gateway, Duration.ofMinutes(2));
            }
            figures.add("both gateways ready again after the broker restart", Duration.between(restarting, Instant.now()));
        });
        checkEverything();
    }

    @Test
    @Order(4)
    void withTheDatabaseStoppedIntakeRefusesAndThePipelineCatchesUpWhenItReturns() throws Exception {
        Instant[] outage = new Instant[2];
        FlagLoad.Result result = sendAndDrain("database stopped", FAULT_FAMILIES, load -> {
            awaitAQuarterAccepted(load);
            topology.stopDatabase();
            outage[0] = Instant.now();
            figures.add("database stopped after accepted flags", load.receiptBySource.size());
            ChildProcess.pause(DATABASE_OUTAGE);
            outage[1] = Instant.now();
            topology.startDatabase();
            figures.add("database restarted, start to ready", Duration.between(outage[1], Instant.now()));
        });

        List<FlagLoad.Answer> duringOutage;
        synchronized (result.answers) {
            duringOutage = result.answers.stream()
                    .filter(answer -> answer.sentAt().isAfter(outage[0]) && answer.answeredAt().isBefore(outage[1]))
                    .toList();
        }
        figures.add("answers while the database was down (all 503 or no answer)", duringOutage.size() + ", of them 503: "
                + duringOutage.stream().filter(answer -> answer.status() == 503).count());
        assertThat(duringOutage).as("intake answered while the database was down").isNotEmpty();
        assertThat(duringOutage).as("never a 202 while nothing can be made durable")
                .noneMatch(answer -> answer.status() == 202);
        assertThat(duringOutage).as("a clear refusal").anyMatch(answer -> answer.status() == 503);
        checkEverything();
        figures.add("audit verified from the command line", checks.verifyAuditFromTheCommandLine());
    }

    /** A fault strikes once a quarter of the scenario's flags have been accepted: mid-load. */
    private void awaitAQuarterAccepted(FlagLoad.Result load) {
        load.awaitAccepted(currentScenarioFlags / 4, SEND_DEADLINE);
    }

    private int currentScenarioFlags;

    /** While a scenario's load runs, the fault (if any) happens; then every flag must have a 202 and be processed. */
    private FlagLoad.Result sendAndDrain(String scenario, int familyCount, Fault fault) throws Exception {
        List<SyntheticFamily> scenarioFamilies = FlagLoad.families(familyCount, random);
        List<FlagLoad.Flag> flags = FlagLoad.plan(scenarioFamilies, random);
        currentScenarioFlags = flags.size();
        FlagLoad load = new FlagLoad(topology.https, topology.gateways, 8, SEND_DEADLINE);
        FlagLoad.Result result = load.start(flags);
        fault.during(result);
        result.await();
        families.addAll(scenarioFamilies);
        assertThat(result.unexpected).as("unexpected answers").isEmpty();
        assertThat(result.receiptBySource).as("every flag eventually accepted (202)").hasSize(flags.size());
        Duration drain = checks.awaitProcessed(result.receiptBySource.values(), DRAIN_TIMEOUT);
        receipts.addAll(result.receiptBySource.values());
        long familiesAlerting = scenarioFamilies.stream().filter(family -> family.alerting).count();
        figures.add(scenario + ": flags sent (families, of them alerting)", flags.size() + " (" + familyCount + ", "
                + familiesAlerting + ")");
        figures.add(scenario + ": all accepted after", result.took);
        figures.add(scenario + ": resends after 503 or no answer, 202 duplicates", result.retries.get() + ", "
                + result.duplicates.get());
        figures.add(scenario + ": drained after the last 202", drain);
        figures.add(scenario + ": end to end", String.format("%.0f flags/s",
                flags.size() / ((result.took.toMillis() + drain.toMillis()) / 1000.0)));
        figures.add(scenario + ": alerts published again for redelivered flags (so far)", republished());
        return result;
    }

    /** Counted in the gateways' logs (every start's output): the crash window between the two commits, hit. */
    private long republished() throws Exception {
        long count = 0;
        for (Topology.Gateway gateway : topology.gateways) {
            try (var lines = Files.lines(gateway.process().log())) {
                count += lines.filter(line -> line.contains("publishing alert=") && line.contains(" again")).count();
            }
        }
        return count;
    }

    private void checkEverything() throws Exception {
        checks.assertEachProcessedExactlyOnce(receipts);
        checks.assertOneOpenAlertPerQualifyingFamily(families);
        checks.assertNoDuplicatePersons();
        checks.assertEachAlertVersionPublishedOnce();
        checks.assertAuditVerifies(topology.gateways.get(0));
    }

    /** What happens to the topology while a scenario's flags are being sent. */
    @FunctionalInterface
    private interface Fault {
        void during(FlagLoad.Result load) throws Exception;
    }
}
