package uk.org.earlyhelp.systemtests;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS as the agencies' systems and an IG officer use it: each agency presents its own client
 * certificate from the development PKI (mutual TLS), and everyone trusts the PKI's CA only.
 */
final class HttpsClients {

    private final Path pki;
    private final char[] password;
    private final Map<String, HttpClient> byAgency = new ConcurrentHashMap<>();

    HttpsClients(Path pki) throws Exception {
        this.pki = pki;
        this.password = Files.readString(pki.resolve("keystore-password")).strip().toCharArray();
    }

    HttpResponse<String> postFlag(String agencyId, int port, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/flags"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return byAgency.computeIfAbsent(agencyId, this::agencyClient).send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET without a client certificate, optionally with a person's login. */
    HttpResponse<String> get(int port, String path, String basicCredentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (basicCredentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)));
        }
        return byAgency.computeIfAbsent("", this::agencyClient).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient agencyClient(String agencyId) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(agencyId.isEmpty() ? null : load(pki.resolve("agencies").resolve(agencyId + ".p12")), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(pki.resolve("truststore.p12")));
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a TLS client for " + agencyId, e);
        }
    }

    private KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
