package uk.org.earlyhelp.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The tests' state directory (broker journal, PKI, keys): emptied once per test JVM before the first
 * Spring context starts, so a previous run's journal never feeds old flags into this one.
 */
public final class TestState {

    public static final Path DIRECTORY = Path.of("target", "test-state").toAbsolutePath();

    /** The embedded broker's TLS listener, on a port free when the tests start. */
    public static final int BROKER_TLS_PORT = freePort();

    /** The health-visiting MLLP listener, likewise. */
    public static final int MLLP_PORT = freePort();

    static {
        deleteRecursively(DIRECTORY);
        System.setProperty("gateway.state-directory", DIRECTORY.toString());
        System.setProperty("gateway.broker.tls-port", Integer.toString(BROKER_TLS_PORT));
        System.setProperty("gateway.mllp.port", Integer.toString(MLLP_PORT));
    }

    private TestState() {
    }

    /** Touching this class runs the static initialiser exactly once. */
    public static Path directory() {
        return DIRECTORY;
    }

    public static Path pki() {
        return DIRECTORY.resolve("pki");
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the test state directory", e);
        }
    }
}
