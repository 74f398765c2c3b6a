package uk.org.earlyhelp.gateway.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import uk.org.earlyhelp.gateway.pki.AtomicFiles.Visibility;

/**
 * The gateway's development PKI: a private CA, a server certificate and one client certificate per agency,
 * created on the first start of the embedded development mode so that mutual TLS works out of the box.
 * Production never uses this class; its certificates come from the real PKI.
 *
 * <p>Layout under the directory:
 * <pre>
 * ca.p12              CA key and certificate (kept so that agencies added later can be issued certificates)
 * ca.pem              CA certificate, for curl --cacert
 * truststore.p12      the CA as a trusted entry (alias {@value #CA_ALIAS}), for server and clients
 * server.p12          server key and chain (alias {@value #SERVER_KEY_ALIAS})
 * agencies/ID.p12     agency key and chain (alias = id)
 * agencies/ID.pem     agency certificate, for curl --cert
 * agencies/ID-key.pem agency private key, unencrypted PKCS#8, for curl --key
 * </pre>
 *
 * <p>Every file is reused if present and created if missing; nothing is ever overwritten, so certificates a
 * developer has already imported elsewhere stay valid across restarts. Two processes ensuring the same
 * directory at the same moment are not coordinated; the development mode starts one gateway per directory.
 */
public final class DevelopmentPki {

    public static final String SERVER_KEY_ALIAS = "server";
    /** Alias of the CA in {@code truststore.p12} and {@code ca.p12}. */
    public static final String CA_ALIAS = "early-help-dev-ca";

    static final String CA_KEYSTORE = "ca.p12";
    static final String CA_PEM = "ca.pem";
    static final String TRUSTSTORE = "truststore.p12";
    static final String SERVER_KEYSTORE = "server.p12";
    static final String AGENCIES = "agencies";
    static final String KEYSTORE_SUFFIX = ".p12";
    static final String CERTIFICATE_PEM_SUFFIX = ".pem";
    static final String PRIVATE_KEY_PEM_SUFFIX = "-key.pem";

    private static final System.Logger LOG = System.getLogger(DevelopmentPki.class.getName());

    private DevelopmentPki() {
    }

    /**
     * Creates what is missing under {@code dir} and reuses what exists (never overwrites an existing file).
     *
     * @throws IllegalStateException if {@code ca.p12} is missing while certificates it would have issued exist,
     *                               or an existing file was not issued by the CA in {@code ca.p12}
     */
    public static PkiFiles ensure(Path dir, char[] password, List<String> serverHostnames, List<ClientCertificateSpec> clients) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(password, "password");
        List<String> hostnames = List.copyOf(serverHostnames);
        List<ClientCertificateSpec> agencies = List.copyOf(clients);
        // Checked before anything is written, so a configuration mistake never leaves a partial PKI behind.
        if (hostnames.isEmpty()) {
            throw new IllegalArgumentException("At least one server hostname is needed");
        }
        hostnames.forEach(CertificateIssuer::subjectAlternativeName);
        requireDistinctIds(agencies);

        Path agenciesDir = dir.resolve(AGENCIES);
        createDirectories(agenciesDir);
        CertificateAuthority ca = ensureCertificateAuthority(dir, password);
        ensureCaPem(dir.resolve(CA_PEM), ca);
        ensureTruststore(dir.resolve(TRUSTSTORE), ca, password);
        ensureServer(dir.resolve(SERVER_KEYSTORE), ca, hostnames, password);
        Map<String, Path> clientKeystores = new LinkedHashMap<>();
        for (ClientCertificateSpec agency : agencies) {
            clientKeystores.put(agency.id(), ensureClient(agenciesDir, agency, ca, password));
        }
        return new PkiFiles(dir, dir.resolve(CA_PEM), dir.resolve(TRUSTSTORE), dir.resolve(SERVER_KEYSTORE),
                clientKeystores, password);
    }

    private static CertificateAuthority ensureCertificateAuthority(Path dir, char[] password) {
        Path caKeystore = dir.resolve(CA_KEYSTORE);
        if (Files.exists(caKeystore)) {
            IssuedKey existing = Keystores.readKey(caKeystore, CA_ALIAS, password);
            return new CertificateAuthority(existing.privateKey(), existing.certificate());
        }
        // Without the old CA key, a new CA's certificates would sit beside ones nobody can trust together
        // with them; that mix fails later and confusingly, so refuse now and say how to recover.
        List<Path> orphans = filesIssuedByACa(dir);
        if (!orphans.isEmpty()) {
            throw new IllegalStateException(caKeystore + " is missing but files issued by the CA it held still exist: "
                    + orphans + ". Delete the directory " + dir + " to create a fresh development PKI"
                    + " (or restore " + CA_KEYSTORE + ").");
        }
        CertificateAuthority ca = CertificateIssuer.createCertificateAuthority();
        AtomicFiles.create(caKeystore,
                Keystores.withKey(CA_ALIAS, ca.privateKey(), new X509Certificate[] {ca.certificate()}, password),
                Visibility.SECRET);
        LOG.log(Level.INFO, "Created development CA {0} in {1}", ca.certificate().getSubjectX500Principal(), caKeystore);
        return ca;
    }

    private static void ensureCaPem(Path caPem, CertificateAuthority ca) {
        if (Files.exists(caPem)) {
            requireSameCertificate(caPem, readPemCertificate(caPem), ca.certificate());
        } else {
            AtomicFiles.create(caPem, Pem.certificate(ca.certificate()), Visibility.PUBLIC);
        }
    }

    private static void ensureTruststore(Path truststore, CertificateAuthority ca, char[] password) {
        if (Files.exists(truststore)) {
            requireSameCertificate(truststore, Keystores.readTrustedCertificate(truststore, CA_ALIAS, password), ca.certificate());
        } else {
            AtomicFiles.create(truststore, Keystores.withTrustedCertificate(CA_ALIAS, ca.certificate(), password),
                    Visibility.PUBLIC);
        }
    }

    private static void ensureServer(Path keystore, CertificateAuthority ca, List<String> hostnames, char[] password) {
        if (Files.exists(keystore)) {
            X509Certificate existing = Keystores.readKey(keystore, SERVER_KEY_ALIAS, password).certificate();
            requireIssuedBy(ca, existing, keystore);
            warnIfExpired(existing, keystore);
            warnIfHostnamesMissing(existing, hostnames, keystore);
            return;
        }
        IssuedKey server = CertificateIssuer.issueServer(ca, hostnames);
        AtomicFiles.create(keystore, Keystores.withKey(SERVER_KEY_ALIAS, server.privateKey(), server.chain(), password),
                Visibility.SECRET);
        LOG.log(Level.INFO, "Issued development server certificate for {0} in {1}", hostnames, keystore);
    }

    private static Path ensureClient(Path agenciesDir, ClientCertificateSpec agency, CertificateAuthority ca, char[] password) {
        String id = agency.id();
        Path keystore = agenciesDir.resolve(id + KEYSTORE_SUFFIX);
        Path certificatePem = agenciesDir.resolve(id + CERTIFICATE_PEM_SUFFIX);
        Path privateKeyPem = agenciesDir.resolve(id + PRIVATE_KEY_PEM_SUFFIX);
        IssuedKey key;
        if (Files.exists(keystore)) {
            key = Keystores.readKey(keystore, id, password);
            requireIssuedBy(ca, key.certificate(), keystore);
            warnIfExpired(key.certificate(), keystore);
            if (!key.certificate().getSubjectX500Principal().equals(agency.subject())) {
                LOG.log(Level.WARNING, "{0} has subject {1} but the configuration says {2}; delete agencies/{3}.* to reissue it",
                        keystore, key.certificate().getSubjectX500Principal().getName(), agency.subjectDn(), id);
            }
        } else {
            // PEMs without their keystore cannot be completed (the key would differ), and overwriting them
            // could break a developer's working curl setup silently.
            List<Path> strays = Stream.of(certificatePem, privateKeyPem).filter(Files::exists).toList();
            if (!strays.isEmpty()) {
                throw new IllegalStateException(keystore + " is missing but " + strays
                        + " exist; delete them to have agency '" + id + "' issued a new certificate");
            }
            key = CertificateIssuer.issueClient(ca, agency.subject());
            AtomicFiles.create(keystore, Keystores.withKey(id, key.privateKey(), key.chain(), password), Visibility.SECRET);
            LOG.log(Level.INFO, "Issued development client certificate {0} in {1}", agency.subjectDn(), keystore);
        }
        // The keystore is written first and the PEMs are copies of it: if a crash falls between the writes,
        // the next start completes the PEMs from the keystore instead of issuing a second, different key.
        if (Files.exists(certificatePem)) {
            requireSameCertificate(certificatePem, readPemCertificate(certificatePem), key.certificate());
        } else {
            AtomicFiles.create(certificatePem, Pem.certificate(key.certificate()), Visibility.PUBLIC);
        }
        if (!Files.exists(privateKeyPem)) {
            AtomicFiles.create(privateKeyPem, Pem.privateKey(key.privateKey()), Visibility.SECRET);
        }
        return keystore;
    }

    /** Everything a CA would have issued or published, i.e. what must not outlive {@code ca.p12}. */
    private static List<Path> filesIssuedByACa(Path dir) {
        List<Path> found = new ArrayList<>();
        for (String name : List.of(CA_PEM, TRUSTSTORE, SERVER_KEYSTORE)) {
            if (Files.exists(dir.resolve(name))) {
                found.add(dir.resolve(name));
            }
        }
        try (Stream<Path> agencyFiles = Files.list(dir.resolve(AGENCIES))) {
            agencyFiles
                    .filter(file -> !file.getFileName().toString().startsWith(".")) // temporary files of interrupted writes
                    .sorted()
                    .forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir.resolve(AGENCIES), e);
        }
        return found;
    }

    private static void requireDistinctIds(List<ClientCertificateSpec> agencies) {
        // Case-insensitively, as the files of "School" and "school" would be one file on macOS and Windows.
        Set<String> seen = new HashSet<>();
        for (ClientCertificateSpec agency : agencies) {
            if (!seen.add(agency.id().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Agency id '" + agency.id() + "' is given more than once");
            }
        }
    }

    private static void requireIssuedBy(CertificateAuthority ca, X509Certificate certificate, Path file) {
        if (!ca.issued(certificate)) {
            throw new IllegalStateException(file + " was not issued by the CA in " + CA_KEYSTORE
                    + "; delete it to have it reissued, or delete the whole directory for a fresh development PKI");
        }
    }

    private static void requireSameCertificate(Path file, X509Certificate found, X509Certificate expected) {
        if (!expected.equals(found)) {
            throw new IllegalStateException(file + " does not hold the expected certificate "
                    + expected.getSubjectX500Principal().getName() + "; delete it to have it recreated");
        }
    }

    private static X509Certificate readPemCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("Could not read the certificate in " + file + "; delete it to have it recreated", e);
        }
    }

    // Reuse means an expired certificate stays expired; say so rather than leave a bare handshake failure.
    private static void warnIfExpired(X509Certificate certificate, Path file) {
        if (certificate.getNotAfter().before(new Date())) {
            LOG.log(Level.WARNING, "{0} expired on {1}; delete it to have it reissued", file, certificate.getNotAfter());
        }
    }

    private static void warnIfHostnamesMissing(X509Certificate certificate, List<String> hostnames, Path file) {
        Set<String> dnsNames = new HashSet<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (Integer.valueOf(2).equals(name.get(0))) { // 2 = dNSName
                        dnsNames.add(name.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalStateException("Could not read the subject alternative names in " + file, e);
        }
        List<String> missing = hostnames.stream()
                .filter(hostname -> !org.bouncycastle.util.IPAddress.isValid(hostname))
                .filter(hostname -> !dnsNames.contains(hostname.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) {
            LOG.log(Level.WARNING, "{0} does not name {1}; delete it to have it reissued for {2}", file, missing, hostnames);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }
}
