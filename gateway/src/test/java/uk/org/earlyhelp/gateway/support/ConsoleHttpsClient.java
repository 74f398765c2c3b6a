package uk.org.earlyhelp.gateway.support;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A person's browser session in the web console, without a browser: real HTTPS trusting the development
 * CA, a cookie jar for the session, and the CSRF token taken from the last page's forms, as a browser
 * would send it. Redirects are not followed, so tests see them.
 */
public final class ConsoleHttpsClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private String csrf;

    public ConsoleHttpsClient(Path truststore, char[] password, int port) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(truststore)) {
                trusted.load(in, password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            this.http = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            this.base = URI.create("https://localhost:" + port);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the console client", e);
        }
    }

    /** Logs in with the form; returns the answer to the form's POST (a redirect either way). */
    public HttpResponse<String> login(String username, String password) throws Exception {
        get("/console/login");
        return post("/console/login", Map.of("username", username, "password", password));
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        return postRaw(path, fields);
    }

    /** Posts exactly the given fields (no CSRF token unless given). */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
