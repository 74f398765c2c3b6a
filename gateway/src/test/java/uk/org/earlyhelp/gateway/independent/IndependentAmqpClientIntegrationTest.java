package uk.org.earlyhelp.gateway.independent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.gateway.support.TestState;

/**
 * The broker channel proved with a client that shares no code with the gateway: Apache Qpid Proton
 * (Debian's python3-qpid-proton, installed by CI) publishes a police notification with the police
 * certificate and, as the locality team, receives the alert; the same client is refused on another
 * agency's address and on another team's queue. Skipped where the package is not installed.
 */
class IndependentAmqpClientIntegrationTest extends GatewayIntegrationTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPTS = Path.of("scripts");

    @BeforeAll
    static void protonIsInstalled() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "Debian's python3 is not installed");
        assumeTrue(new ProcessBuilder(PYTHON, "-c", "import proton").start().waitFor() == 0,
                "python3-qpid-proton is not installed");
    }

    @Test
    void protonPublishesAPoliceNotificationAndReadsTheAlertAsTheLocalityTeam(@TempDir Path work) throws Exception {
        TestFamily family = new TestFamily();
        ObjectNode flag = TestFlags.policeDomesticAbuse(family, true);
        Path file = Files.writeString(work.resolve("flag.json"), flag.toString());

        Run sent = run("send-flag.py", "--agency", "county-police", "--file", file.toString());
        assertThat(sent.exitCode()).as(sent.output()).isZero();

        UUID receipt = awaitReceipt(flag.get("sourceMessageId").asText());
        awaitDecision(receipt.toString(), "alert-raised");
        UUID familyId = jdbc.queryForObject("select family_id from family_flags where receipt_id = ?",
                UUID.class, receipt);
        Run read = run("read-alerts.py", "--team", "runcorn-north", "--count", "1000", "--timeout", "5");
        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.output()).contains("\"familyId\":\"" + familyId + "\"");
    }

    @Test
    void protonIsRefusedOnAnotherAgencysAddressAndAnotherTeamsQueue(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("flag.json"),
                TestFlags.policeDomesticAbuse(new TestFamily(), false).toString());

        Run impersonating = run("send-flag.py", "--agency", "county-police", "--file", file.toString(),
                "--address", "flags.inbound.riverside-adult-services");
        Run snooping = run("read-alerts.py", "--team", "runcorn-north", "--queue", "alerts.locality.widnes",
                "--timeout", "5");

        assertThat(impersonating.exitCode()).as(impersonating.output()).isEqualTo(2);
        assertThat(snooping.exitCode()).as(snooping.output()).isEqualTo(2);
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPTS.resolve(script).toString(),
                "--pki", TestState.pki().toString(), "--port", Integer.toString(TestState.BROKER_TLS_PORT)));
        command.addAll(List.of(arguments));
        // To a file, not a pipe: a client printing many alerts must never block on a full pipe.
        Path output = Files.createTempFile("independent-client", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish within 60 s");
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private UUID awaitReceipt(String sourceMessageId) {
        await().atMost(PIPELINE_TIMEOUT).until(() -> jdbc.queryForObject(
                "select count(*) from intake_receipts where source_message_id = ?", Integer.class, sourceMessageId) == 1);
        return jdbc.queryForObject("select receipt_id from intake_receipts where source_message_id = ?",
                UUID.class, sourceMessageId);
    }
}
