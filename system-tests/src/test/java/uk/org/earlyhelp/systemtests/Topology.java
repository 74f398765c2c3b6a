package uk.org.earlyhelp.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The deployment under test, every part its own process on loopback with free ports: a standalone
 * Artemis broker (created by {@code broker/artemis-broker.sh}), a standalone PostgreSQL server
 * ({@link PostgresServer}) and two gateways started from the packaged jar with only properties changed.
 * State and logs go under {@code target/system-test/}. {@link #close()} ends every process it started.
 */
final class Topology implements AutoCloseable {

    static final String BROKER_USER = "gateway";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    final Path directory;
    final Path pki;
    final HttpsClients https;
    final List<Gateway> gateways = new ArrayList<>();
    private final Path gatewayJar = Path.of(System.getProperty("gateway.jar"));
    private final int brokerPort = freePort();
    private final int postgresPort = freePort();
    private final String brokerPassword = randomHex(12);
    private final ChildProcess broker;
    private final ChildProcess postgres;
    private final Figures figures;

    /** One gateway process and its ports. */
    record Gateway(String name, int httpsPort, int mllpPort, ChildProcess process) {
    }

    private Topology(Path directory, Figures figures) throws Exception {
        this.directory = directory;
        this.figures = figures;
        this.pki = directory.resolve("pki");
        if (!Files.isRegularFile(gatewayJar)) {
            throw new IllegalStateException("no gateway jar at " + gatewayJar + ": package the gateway module first");
        }
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        prepareDevelopmentPki(javaCommand);
        https = new HttpsClients(pki);
        postgres = new ChildProcess("postgres", List.of(javaCommand, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                PostgresServer.class.getName(), directory.resolve("postgres").toString(), Integer.toString(postgresPort)),
                Map.of(), logs().resolve("postgres.log"));
        broker = new ChildProcess("broker", List.of("bash", script(), "run", directory.resolve("broker").toString()),
                Map.of("JAVA_HOME", System.getProperty("java.home")), logs().resolve("broker.log"));
        for (int i = 1; i <= 2; i++) {
            int httpsPort = freePort();
            int mllpPort = freePort();
            gateways.add(new Gateway("gateway-" + i, httpsPort, mllpPort,
                    new ChildProcess("gateway-" + i, gatewayCommand(javaCommand, i, httpsPort, mllpPort),
                            Map.of("SPRING_ARTEMIS_PASSWORD", brokerPassword),
                            logs().resolve("gateway-" + i + ".log"))));
        }
    }

    /** Creates the directory afresh and starts everything: database and broker, then the gateways one by one. */
    static Topology start(Figures figures) throws Exception {
        Path directory = Path.of(System.getProperty("system-test.directory", "target/system-test")).toAbsolutePath();
        deleteRecursively(directory);
        Files.createDirectories(directory.resolve("logs"));
        Topology topology = new Topology(directory, figures);
        Runtime.getRuntime().addShutdownHook(new Thread(topology::close, "system-test-cleanup"));
        try {
            topology.postgres.start();
            topology.createBroker();
            topology.startBroker();
            topology.postgres.awaitOutput(PostgresServer.READY, START_TIMEOUT);
            topology.sharePseudonymisationKey();
            // The first gateway creates the audit signing key in the shared directory; the second starts once it
            // is there, so both sign with the same key.
            Instant started = Instant.now();
            Gateway first = topology.gateways.get(0);
            Gateway second = topology.gateways.get(1);
            first.process().start();
            topology.awaitFile(topology.directory.resolve("keys").resolve("audit-signing.p12"), first);
            second.process().start();
            topology.awaitReady(first, START_TIMEOUT);
            topology.awaitReady(second, START_TIMEOUT);
            figures.add("two gateways, start to both ready", Duration.between(started, Instant.now()));
            return topology;
        } catch (Exception | Error e) {
            topology.close();
            throw e;
        }
    }

    Path logs() {
        return directory.resolve("logs");
    }

    int brokerPort() {
        return brokerPort;
    }

    String brokerPassword() {
        return brokerPassword;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    /** Starts a gateway and waits until its readiness (broker and database included) says UP; returns the time taken. */
    Duration startGateway(Gateway gateway) {
        Instant started = Instant.now();
        gateway.process().start();
        awaitReady(gateway, START_TIMEOUT);
        Duration took = Duration.between(started, Instant.now());
        figures.add(gateway.name() + " start to ready", took);
        return took;
    }

    /** What an operator provides every gateway with: one secret, so a person has one pseudonym everywhere. */
    private void sharePseudonymisationKey() throws IOException {
        Path key = directory.resolve("keys").resolve("pseudonymisation.key");
        Files.createDirectories(key.getParent());
        Files.writeString(key, randomHex(32) + "\n");
    }

    private void awaitFile(Path file, Gateway creator) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.exists(file)) {
            if (Instant.now().isAfter(deadline) || !creator.process().alive()) {
                throw new IllegalStateException(creator.name() + " did not create " + file + "; see " + creator.process().log());
            }
            ChildProcess.pause(Duration.ofMillis(200));
        }
    }

    void awaitReady(Gateway gateway, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!gateway.process().alive()) {
                throw new IllegalStateException(gateway.name() + " exited while starting; see " + gateway.process().log());
            }
            try {
                HttpResponse<String> readiness = https.get(gateway.httpsPort(), "/actuator/health/readiness", null);
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // starting
            }
            ChildProcess.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(gateway.name() + " not ready within " + timeout + "; see " + gateway.process().log());
    }

    void startBroker() {
        broker.start();
        broker.awaitOutput("AMQ221007", START_TIMEOUT);
    }

    void killBroker() {
        broker.kill();
    }

    void startDatabase() {
        postgres.start();
        postgres.awaitOutput(PostgresServer.READY, START_TIMEOUT);
    }

    /** A clean shutdown of the server (SIGTERM to its JVM, which stops PostgreSQL "fast"). */
    void stopDatabase() {
        postgres.stop(Duration.ofSeconds(60));
        killLeftoverPostgres();
    }

    /** Every log line since each process last started, for a failure report. */
    List<ChildProcess> processes() {
        List<ChildProcess> all = new ArrayList<>(List.of(postgres, broker));
        gateways.forEach(gateway -> all.add(gateway.process()));
        return all;
    }

    @Override
    public synchronized void close() {
        for (Gateway gateway : gateways) {
            gateway.process().stop(Duration.ofSeconds(20));
        }
        broker.stop(Duration.ofSeconds(20));
        postgres.stop(Duration.ofSeconds(30));
        killLeftoverPostgres();
    }

    /** PostgreSQL runs detached from its launcher; if the launcher could not stop it, its own pid file names it. */
    private void killLeftoverPostgres() {
        Path pidFile = directory.resolve("postgres").resolve("postmaster.pid");
        try {
            if (Files.isRegularFile(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                ProcessHandle.of(pid).ifPresent(server -> {
                    server.destroy();
                    server.onExit().orTimeout(30, TimeUnit.SECONDS)
                            .exceptionally(timeout -> {
                                server.destroyForcibly();
                                return server;
                            }).join();
                });
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not check for a leftover PostgreSQL server: " + e);
        }
    }

    private void prepareDevelopmentPki(String java) throws Exception {
        Path log = logs().resolve("prepare-pki.log");
        Process prepare = new ProcessBuilder(java, "-jar", gatewayJar.toString(), "--prepare-development-pki",
                "--gateway.state-directory=" + directory.resolve("prepare"), "--gateway.pki.directory=" + pki)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!prepare.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || prepare.exitValue() != 0) {
            prepare.destroyForcibly();
            throw new IllegalStateException("could not prepare the development PKI:\n" + Files.readString(log));
        }
    }

    private void createBroker() throws Exception {
        Path log = logs().resolve("broker-create.log");
        Process create = new ProcessBuilder("bash", script(), "create", System.getProperty("artemis.home"),
                directory.resolve("broker").toString(), Integer.toString(brokerPort), pki.toString(), BROKER_USER,
                brokerPassword)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        create.getOutputStream().close();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException("could not create the broker instance:\n" + Files.readString(log));
        }
    }

    private List<String> gatewayCommand(String java, int index, int httpsPort, int mllpPort) {
        Path keys = directory.resolve("keys");
        return List.of(java, "-Xmx512m", "-jar", gatewayJar.toString(),
                // Its own state (school inboxes); the PKI and the audit's keys are shared by both gateways.
                "--gateway.state-directory=" + directory.resolve("gateway-" + index),
                "--gateway.pki.directory=" + pki,
                "--gateway.audit.pseudonymisation-key-file=" + keys.resolve("pseudonymisation.key"),
                "--gateway.audit.signing.key-store=" + keys.resolve("audit-signing.p12"),
                "--server.port=" + httpsPort,
                "--gateway.mllp.port=" + mllpPort,
                // The external broker over TLS, trusting the PKI's CA; the password comes from the environment.
                "--spring.artemis.broker-url=tcp://localhost:" + brokerPort + "?sslEnabled=true;trustStoreType=PKCS12"
                        + ";trustStorePath=${gateway.pki.directory}/truststore.p12"
                        + ";trustStorePassword=${gateway.pki.password}",
                "--spring.artemis.user=" + BROKER_USER,
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres",
                // While the database is away, intake answers 503 after this long instead of the default 30 s.
                "--spring.datasource.hikari.connection-timeout=5000");
    }

    private static String script() {
        return System.getProperty("broker.script");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
