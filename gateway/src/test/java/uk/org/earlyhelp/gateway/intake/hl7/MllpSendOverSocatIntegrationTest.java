package uk.org.earlyhelp.gateway.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestHl7;
import uk.org.earlyhelp.gateway.support.TestState;

/**
 * An independent client: Debian's python3-hl7 {@code mllp_send}, with socat adding TLS and the agency's
 * certificate, exactly as the README shows. Skipped where the packages are missing; CI installs them.
 */
class MllpSendOverSocatIntegrationTest extends GatewayIntegrationTest {

    static final Path MLLP_SEND = Path.of("/usr/bin/mllp_send");
    static final Path SOCAT = Path.of("/usr/bin/socat");

    @Test
    void mllpSendThroughSocatGetsAaAndTheFlagReachesTheAudit(@TempDir Path work) throws Exception {
        assumeTrue(Files.isExecutable(MLLP_SEND) && Files.isExecutable(SOCAT),
                "needs Debian's python3-hl7 and socat (apt-get install python3-hl7 socat)");
        String message = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", new TestFamily());
        Path file = work.resolve("referral.hl7");
        // As the examples are published: one segment a line; mllp_send --loose turns line ends into CRs.
        Files.writeString(file, message.replace('\r', '\n'), StandardCharsets.ISO_8859_1);
        Path agencies = TestState.pki().resolve("agencies");
        int tunnel = freePort();

        Process socat = new ProcessBuilder(SOCAT.toString(),
                "TCP-LISTEN:" + tunnel + ",bind=127.0.0.1,reuseaddr,fork",
                "OPENSSL:localhost:" + TestState.MLLP_PORT
                        + ",cert=" + agencies.resolve("riverside-health-visiting.pem")
                        + ",key=" + agencies.resolve("riverside-health-visiting-key.pem")
                        + ",cafile=" + TestState.pki().resolve("ca.pem"))
                .redirectErrorStream(true).redirectOutput(work.resolve("socat.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> listening(tunnel));
            Process send = new ProcessBuilder(List.of(MLLP_SEND.toString(), "--loose", "--port",
                    Integer.toString(tunnel), "--file", file.toString(), "localhost"))
                    .redirectErrorStream(true).start();
            assertThat(send.waitFor(30, TimeUnit.SECONDS)).as("mllp_send finished").isTrue();
            String output = new String(send.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(output).contains("MSA|AA|" + TestHl7.controlId(message));
            String receipt = output.replaceAll("(?s).*MSA\\|AA\\|[^|]*\\|receipt ([0-9a-f-]{36}).*", "$1");
            assertThat(decisionsFor(receipt)).contains("received");
            awaitDecision(receipt, "pending-consent");
        } finally {
            socat.destroy();
            socat.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean listening(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
