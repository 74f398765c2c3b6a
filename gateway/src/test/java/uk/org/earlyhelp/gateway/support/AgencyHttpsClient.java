package uk.org.earlyhelp.gateway.support;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An agency's system calling the gateway over HTTPS with its client certificate, as a real partner would. */
public final class AgencyHttpsClient {

    private final HttpClient http;
    private final URI base;

    private AgencyHttpsClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** Presents the given PKCS#12 keystore (or none) and trusts the gateway's development CA. */
    public static AgencyHttpsClient withKeystore(Path keystore, char[] password, Path truststore, int port) {
        return build(keystore, password, truststore, port, false);
    }

    /**
     * Presents the keystore's certificate even when the server asks for another CA's: a JDK client would
     * otherwise quietly send none, and the test would not be testing the refusal of a foreign certificate.
     */
    public static AgencyHttpsClient forcingCertificate(Path keystore, char[] password, Path truststore, int port) {
        return build(keystore, password, truststore, port, true);
    }

    private static AgencyHttpsClient build(Path keystore, char[] password, Path truststore, int port,
            boolean forceCertificate) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            if (keystore != null) {
                keys.init(load(keystore, password), password);
            } else {
                keys.init(null, null);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(truststore, password));
            SSLContext tls = SSLContext.getInstance("TLS");
            javax.net.ssl.KeyManager[] keyManagers = keys.getKeyManagers();
            if (forceCertificate) {
                keyManagers = new javax.net.ssl.KeyManager[] {
                        new AlwaysPresentKeyManager((javax.net.ssl.X509ExtendedKeyManager) keyManagers[0])};
            }
            tls.init(keyManagers, trust.getTrustManagers(), null);
            HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
            return new AgencyHttpsClient(http, URI.create("https://localhost:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a TLS client from " + keystore, e);
        }
    }

    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return postJson(path, json, null);
    }

    /** @param basicCredentials {@code user:password} of a person, or null for none */
    public HttpResponse<String> postJson(String path, String json, String basicCredentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (basicCredentials != null) {
            request.header("Authorization", basic(basicCredentials));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends a body of the given content type, e.g. a school's CSV batch as {@code text/csv}. */
    public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Streams a file as the body, never holding it in memory: for large batches. */
    public HttpResponse<String> postFile(String path, String contentType, Path file, Duration timeout)
            throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String basicCredentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (basicCredentials != null) {
            request.header("Authorization", basic(basicCredentials));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
