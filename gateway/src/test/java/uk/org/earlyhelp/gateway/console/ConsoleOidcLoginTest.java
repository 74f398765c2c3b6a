package uk.org.earlyhelp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import uk.org.earlyhelp.gateway.security.ConsoleSecurityConfiguration;

/**
 * Production login: with an OpenID Connect client registered by properties (explicit authorization,
 * token and JWK set URIs, so nothing is fetched at start), the console's login page sends the person to
 * the provider. Only the console's security and pages start here, on plain HTTP; no provider is reached.
 */
@SpringBootTest(classes = ConsoleOidcLoginTest.ConsoleOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.ssl.enabled=false",
                "spring.security.oauth2.client.registration.county-idp.client-id=early-help-console",
                "spring.security.oauth2.client.registration.county-idp.client-secret=not-a-real-secret",
                "spring.security.oauth2.client.registration.county-idp.client-name=County identity provider",
                "spring.security.oauth2.client.registration.county-idp.authorization-grant-type=authorization_code",
                "spring.security.oauth2.client.registration.county-idp.scope=openid,profile",
                "spring.security.oauth2.client.registration.county-idp.redirect-uri="
                        + "{baseUrl}/console/login/oauth2/code/{registrationId}",
                "spring.security.oauth2.client.provider.county-idp.authorization-uri="
                        + "https://idp.county.example/oauth2/authorize",
                "spring.security.oauth2.client.provider.county-idp.token-uri=https://idp.county.example/oauth2/token",
                "spring.security.oauth2.client.provider.county-idp.jwk-set-uri=https://idp.county.example/oauth2/jwks",
                "spring.security.oauth2.client.provider.county-idp.user-name-attribute=preferred_username",
                "gateway.console.oidc.roles-claim=groups"})
class ConsoleOidcLoginTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class,
            ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            ThymeleafAutoConfiguration.class, SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
            OAuth2ClientAutoConfiguration.class})
    @Import({ConsoleSecurityConfiguration.class, ConsolePagesController.class})
    static class ConsoleOnly {
    }

    @LocalServerPort
    int port;

    @Autowired
    ClientRegistrationRepository registrations;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build();

    @Test
    void theRegistrationIsConfiguredFromPropertiesAlone() {
        ClientRegistration county = registrations.findByRegistrationId("county-idp");
        assertThat(county.getProviderDetails().getJwkSetUri()).isEqualTo("https://idp.county.example/oauth2/jwks");
        assertThat(county.getProviderDetails().getTokenUri()).isEqualTo("https://idp.county.example/oauth2/token");
        assertThat(county.getScopes()).contains("openid");
    }

    @Test
    void theLoginPageSendsThePersonToTheProvider() throws Exception {
        HttpResponse<String> protectedPage = get("/console/audit");
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(location(protectedPage)).endsWith("/console/login");

        HttpResponse<String> login = get("/console/login");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).endsWith("/console/oauth2/authorization/county-idp");

        HttpResponse<String> authorization = get(URI.create(location(login)).getPath());
        assertThat(authorization.statusCode()).isEqualTo(302);
        String provider = URLDecoder.decode(location(authorization), StandardCharsets.UTF_8);
        assertThat(provider).startsWith("https://idp.county.example/oauth2/authorize?")
                .contains("response_type=code", "client_id=early-help-console", "scope=openid profile",
                        "redirect_uri=http://localhost:" + port + "/console/login/oauth2/code/county-idp")
                .containsPattern("[?&]state=[^&]+").containsPattern("[?&]nonce=[^&]+");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
