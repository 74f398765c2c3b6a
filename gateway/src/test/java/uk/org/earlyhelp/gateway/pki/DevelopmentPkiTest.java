package uk.org.earlyhelp.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentPkiTest {

    private static final char[] PASSWORD = "development-only".toCharArray();
    private static final List<String> HOSTNAMES = List.of("localhost", "gateway.local");
    private static final ClientCertificateSpec SCHOOL =
            new ClientCertificateSpec("greenfield-primary", "CN=greenfield-primary,OU=school,O=Early Help Gateway Development");
    private static final ClientCertificateSpec POLICE =
            new ClientCertificateSpec("north-police", "CN=north-police,OU=police,O=Early Help Gateway Development");
    private static final ClientCertificateSpec HEALTH_VISITORS =
            new ClientCertificateSpec("health-visitors", "CN=health-visitors,OU=health,O=Early Help Gateway Development");
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path temp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void createsCaServerAndOneClientCertificatePerAgency() throws Exception {
        Path dir = temp.resolve("pki");
        PkiFiles files = DevelopmentPki.ensure(dir, PASSWORD, HOSTNAMES, List.of(SCHOOL, POLICE));

        assertThat(dir.resolve("ca.p12")).isRegularFile();
        assertThat(files.caCertificatePem()).isEqualTo(dir.resolve("ca.pem")).isRegularFile();
        assertThat(files.truststore()).isEqualTo(dir.resolve("truststore.p12")).isRegularFile();
        assertThat(files.serverKeystore()).isEqualTo(dir.resolve("server.p12")).isRegularFile();
        assertThat(files.clientKeystores()).containsOnlyKeys("greenfield-primary", "north-police");
        for (String id : List.of("greenfield-primary", "north-police")) {
            assertThat(files.clientKeystore(id)).isEqualTo(dir.resolve("agencies/" + id + ".p12")).isRegularFile();
            assertThat(dir.resolve("agencies/" + id + ".pem")).isRegularFile();
            assertThat(dir.resolve("agencies/" + id + "-key.pem")).isRegularFile();
        }
        assertThat(files.password()).containsExactly(PASSWORD);

        KeyStore truststore = load(files.truststore());
        assertThat(truststore.isCertificateEntry(DevelopmentPki.CA_ALIAS)).isTrue();
        X509Certificate ca = (X509Certificate) truststore.getCertificate(DevelopmentPki.CA_ALIAS);
        assertThat(readPemCertificate(files.caCertificatePem())).isEqualTo(ca);

        X509Certificate[] serverChain = chain(files.serverKeystore(), DevelopmentPki.SERVER_KEY_ALIAS);
        X509Certificate server = serverChain[0];
        assertThat(serverChain).containsExactly(server, ca);
        assertValidAgainst(truststore, server);
        assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=localhost,O=Early Help Gateway Development");
        assertThat(server.getSubjectAlternativeNames()).contains(
                List.of(2, "localhost"), List.of(2, "gateway.local"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);

        X509Certificate[] clientChain = chain(files.clientKeystore("greenfield-primary"), "greenfield-primary");
        X509Certificate client = clientChain[0];
        assertThat(clientChain).containsExactly(client, ca);
        assertValidAgainst(truststore, client);
        assertThat(client.getSubjectX500Principal().getName()).isEqualTo(SCHOOL.subjectDn());
        assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(client.getSubjectAlternativeNames()).isNull();
        assertThat(readPemCertificate(files.clientCertificatePem("greenfield-primary"))).isEqualTo(client);
    }

    @Test
    void caIsAConstrainedP256CaAndLeavesAreNotCas() throws Exception {
        PkiFiles files = DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL));
        X509Certificate ca = readPemCertificate(files.caCertificatePem());
        X509Certificate server = chain(files.serverKeystore(), DevelopmentPki.SERVER_KEY_ALIAS)[0];
        X509Certificate client = chain(files.clientKeystore(SCHOOL.id()), SCHOOL.id())[0];

        assertThat(ca.getBasicConstraints()).isZero(); // a CA, allowed to sign leaves only
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19");
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        for (X509Certificate certificate : List.of(ca, server, client)) {
            assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
            assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
            assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
            assertThat(certificate.getSerialNumber().bitLength()).isBetween(100, 128);
        }
        for (X509Certificate leaf : List.of(server, client)) {
            assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
            assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
            assertThat(leaf.getKeyUsage()[5]).as("keyCertSign").isFalse();
            assertThat(leaf.getExtensionValue("2.5.29.35")).as("authority key identifier").isNotNull();
            assertThat(leaf.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
            assertThat(leaf.getNotAfter()).isBefore(ca.getNotAfter());
        }
        assertThat(ca.getNotAfter().getTime() - ca.getNotBefore().getTime())
                .isGreaterThan(TimeUnit.DAYS.toMillis(9 * 365));
        assertThat(client.getNotAfter().getTime() - client.getNotBefore().getTime())
                .isBetween(TimeUnit.DAYS.toMillis(729), TimeUnit.DAYS.toMillis(732));
    }

    @Test
    void reusesExistingFilesRatherThanOverwritingThem() throws Exception {
        DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL, POLICE));
        Map<Path, byte[]> before = contents(temp);

        DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL, POLICE));

        assertThat(before).hasSize(3 + 1 + 2 * 3);
        assertSameContents(before, contents(temp));
    }

    @Test
    void issuesOnlyTheMissingCertificateWhenAnAgencyIsAdded() throws Exception {
        DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL));
        Map<Path, byte[]> before = contents(temp);

        PkiFiles files = DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL, HEALTH_VISITORS));

        Map<Path, byte[]> after = contents(temp);
        assertThat(after.keySet()).containsAll(before.keySet());
        assertSameContents(before, after);
        assertThat(after.keySet()).filteredOn(path -> !before.containsKey(path)).containsExactlyInAnyOrder(
                temp.resolve("agencies/health-visitors.p12"),
                temp.resolve("agencies/health-visitors.pem"),
                temp.resolve("agencies/health-visitors-key.pem"));
        X509Certificate added = chain(files.clientKeystore("health-visitors"), "health-visitors")[0];
        assertValidAgainst(load(files.truststore()), added);
        assertThat(added.getSubjectX500Principal().getName()).isEqualTo(HEALTH_VISITORS.subjectDn());
    }

    @Test
    void aSecondPkiHasADifferentCaSoItsClientsAreNotTrusted() throws Exception {
        PkiFiles first = DevelopmentPki.ensure(temp.resolve("first"), PASSWORD, HOSTNAMES, List.of(SCHOOL));
        PkiFiles foreign = DevelopmentPki.ensure(temp.resolve("foreign"), PASSWORD, HOSTNAMES, List.of(SCHOOL));

        X509Certificate foreignClient = chain(foreign.clientKeystore(SCHOOL.id()), SCHOOL.id())[0];

        assertThat(readPemCertificate(foreign.caCertificatePem())).isNotEqualTo(readPemCertificate(first.caCertificatePem()));
        // Same subject DN as a genuine agency: only the issuing CA tells them apart.
        assertThat(foreignClient.getSubjectX500Principal().getName()).isEqualTo(SCHOOL.subjectDn());
        assertThatThrownBy(() -> assertValidAgainst(load(first.truststore()), foreignClient))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    @Timeout(30)
    void aRealTlsHandshakeSucceedsWithMutualAuthentication() throws Exception {
        PkiFiles pki = DevelopmentPki.ensure(temp.resolve("gateway"), PASSWORD, HOSTNAMES, List.of(SCHOOL));
        PkiFiles foreign = DevelopmentPki.ensure(temp.resolve("foreign"), PASSWORD, HOSTNAMES, List.of(SCHOOL));
        SSLContext serverContext = sslContext(keyManagers(pki.serverKeystore(), null), pki.truststore());

        try (SSLServerSocket serverSocket = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serverSocket.setNeedClientAuth(true);
            serverSocket.setSoTimeout(TIMEOUT_MILLIS);

            // A genuine agency: the handshake completes and application data flows.
            Future<String> accepted = executor.submit(() -> serveOneByte(serverSocket));
            SSLContext agency = sslContext(keyManagers(pki.clientKeystore(SCHOOL.id()), null), pki.truststore());
            try (SSLSocket client = connect(agency, serverSocket)) {
                client.startHandshake();
                assertThat(client.getInputStream().read()).isEqualTo(42);
            }
            assertThat(accepted.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(SCHOOL.subjectDn());

            // A certificate from another CA, presented even though the server did not ask for that CA,
            // so the refusal is the server's trust decision and not a client sending no certificate.
            Future<String> refused = executor.submit(() -> serveOneByte(serverSocket));
            SSLContext stranger = sslContext(
                    keyManagers(foreign.clientKeystore(SCHOOL.id()), SCHOOL.id()), pki.truststore());
            try (SSLSocket client = connect(stranger, serverSocket)) {
                // Under TLS 1.3 the client may finish its side before the server's alert arrives, and depending on
                // timing sees the alert (SSLException) or a connection the server already closed (SocketException).
                assertThatThrownBy(() -> {
                    client.startHandshake();
                    client.getInputStream().read();
                }).isInstanceOf(IOException.class);
            }
            assertThatThrownBy(() -> refused.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                    .cause()
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasCauseInstanceOf(CertificateException.class); // the trust manager's verdict
        }
    }

    @Test
    void thePrivateKeyPemParsesBackAndMatchesTheCertificate() throws Exception {
        PkiFiles files = DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL));
        Path keyPem = files.clientPrivateKeyPem(SCHOOL.id());

        assertThat(Files.readString(keyPem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
        Object parsed;
        try (Reader reader = Files.newBufferedReader(keyPem, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        }
        assertThat(parsed).isInstanceOf(PrivateKeyInfo.class);
        PrivateKey key = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parsed);

        X509Certificate certificate = readPemCertificate(files.clientCertificatePem(SCHOOL.id()));
        byte[] data = "referral".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(data);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void privateKeyFilesAreReadableOnlyByTheirOwner() throws Exception {
        assumeThat(temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        PkiFiles files = DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.clientPrivateKeyPem(SCHOOL.id()))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("ca.p12"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.caCertificatePem())))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void refusesToStartANewCaBesideCertificatesIssuedByAMissingOne() throws Exception {
        DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL));
        Files.delete(temp.resolve("ca.p12"));

        assertThatThrownBy(() -> DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ca.p12 is missing")
                .hasMessageContaining("server.p12");
        assertThat(temp.resolve("ca.p12")).doesNotExist();
    }

    @Test
    void completesAnAgencysPemFilesFromItsKeystoreAfterAnInterruptedRun() throws Exception {
        PkiFiles files = DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL));
        byte[] keystore = Files.readAllBytes(files.clientKeystore(SCHOOL.id()));
        byte[] certificatePem = Files.readAllBytes(files.clientCertificatePem(SCHOOL.id()));
        Files.delete(files.clientCertificatePem(SCHOOL.id()));
        Files.delete(files.clientPrivateKeyPem(SCHOOL.id()));

        DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL));

        assertThat(Files.readAllBytes(files.clientKeystore(SCHOOL.id()))).isEqualTo(keystore);
        assertThat(Files.readAllBytes(files.clientCertificatePem(SCHOOL.id()))).isEqualTo(certificatePem);
        assertThat(files.clientPrivateKeyPem(SCHOOL.id())).isRegularFile();
    }

    @Test
    void refusesExistingFilesWithAPasswordTheyWereNotCreatedWith() {
        DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES, List.of(SCHOOL));

        assertThatThrownBy(() -> DevelopmentPki.ensure(temp, "another".toCharArray(), HOSTNAMES, List.of(SCHOOL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ca.p12")
                .hasMessageContaining("password");
    }

    @Test
    void rejectsAgencyIdsThatAreUnsafeAsFileNamesOrCollide() {
        assertThatThrownBy(() -> new ClientCertificateSpec("../escape", "CN=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientCertificateSpec("school-key", "CN=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientCertificateSpec("school", "not a dn")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevelopmentPki.ensure(temp, PASSWORD, HOSTNAMES,
                List.of(SCHOOL, new ClientCertificateSpec("Greenfield-Primary", "CN=other"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new ClientCertificateSpec("st-marys.school_2", "CN=st-marys")).doesNotThrowAnyException();
        assertThat(temp.resolve("ca.p12")).doesNotExist();
    }

    // --- helpers ---

    /** Accepts one connection, completes the handshake, sends one byte; returns the client's subject DN. */
    private static String serveOneByte(SSLServerSocket serverSocket) throws IOException {
        try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            socket.getOutputStream().write(42);
            socket.getOutputStream().flush();
            return peer.getSubjectX500Principal().getName();
        }
    }

    private static SSLSocket connect(SSLContext context, SSLServerSocket serverSocket) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort()), TIMEOUT_MILLIS);
        SSLSocket socket = (SSLSocket) context.getSocketFactory()
                .createSocket(plain, "localhost", serverSocket.getLocalPort(), true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static SSLContext sslContext(KeyManager[] keyManagers, Path truststore) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(truststore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trust.getTrustManagers(), null);
        return context;
    }

    /** Key managers for a keystore; with {@code alwaysPresent}, that alias is offered whatever CAs the server names. */
    private static KeyManager[] keyManagers(Path keystore, String alwaysPresent) throws Exception {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(load(keystore), PASSWORD);
        KeyManager[] managers = factory.getKeyManagers();
        if (alwaysPresent == null) {
            return managers;
        }
        X509ExtendedKeyManager delegate = (X509ExtendedKeyManager) managers[0];
        return new KeyManager[] {new X509ExtendedKeyManager() {
            @Override
            public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, Socket socket) {
                return alwaysPresent;
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers, SSLEngine engine) {
                return alwaysPresent;
            }

            @Override
            public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
                return new String[] {alwaysPresent};
            }

            @Override
            public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
                return delegate.getServerAliases(keyType, issuers);
            }

            @Override
            public String chooseServerAlias(String keyType, java.security.Principal[] issuers, Socket socket) {
                return delegate.chooseServerAlias(keyType, issuers, socket);
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return delegate.getCertificateChain(alias);
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return delegate.getPrivateKey(alias);
            }
        }};
    }

    private static void assertValidAgainst(KeyStore truststore, X509Certificate certificate) throws Exception {
        PKIXParameters parameters = new PKIXParameters(truststore);
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
    }

    private static X509Certificate[] chain(Path keystore, String alias) throws Exception {
        KeyStore store = load(keystore);
        assertThat(store.isKeyEntry(alias)).as("%s has key entry %s", keystore, alias).isTrue();
        return Stream.of(store.getCertificateChain(alias)).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    }

    private static KeyStore load(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static X509Certificate readPemCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static Map<Path, byte[]> contents(Path dir) throws IOException {
        Map<Path, byte[]> contents = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(file, Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static void assertSameContents(Map<Path, byte[]> expected, Map<Path, byte[]> actual) {
        expected.forEach((file, bytes) -> assertThat(actual.get(file)).as("%s unchanged", file).isEqualTo(bytes));
    }
}
