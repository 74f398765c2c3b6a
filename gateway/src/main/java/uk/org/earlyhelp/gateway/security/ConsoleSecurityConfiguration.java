package uk.org.earlyhelp.gateway.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * The web console's filter chain ({@code /console/**}): people log in once and keep a session (the
 * cookie is Secure and HttpOnly, see {@code server.servlet.session.cookie} in application.yaml), every
 * form carries a CSRF token, and each area needs its role. In the embedded run people log in with the
 * login form against {@code gateway.security.users}; when an OpenID Connect client is registered
 * ({@code spring.security.oauth2.client.registration.*}) the login goes to that provider instead, with
 * roles and locality taken from its token ({@link OidcRoleMapping}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleOidcSettings.class)
public class ConsoleSecurityConfiguration {

    public static final String LOGIN_PAGE = "/console/login";
    /** Where the console sends a person to the identity provider: {@code <this>/<registration id>}. */
    public static final String OIDC_AUTHORIZATION = "/console/oauth2/authorization";
    /** Where the identity provider sends the person back; the registration's redirect-uri must point here. */
    public static final String OIDC_REDIRECTION = "/console/login/oauth2/code/*";
    static final String FORBIDDEN_PAGE = "/console/forbidden";

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcClients,
            ConsoleOidcSettings oidc) throws Exception {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage(FORBIDDEN_PAGE);
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(requests -> requests
                        // Only the gateway itself forwards (to the 403 page); the original request was checked.
                        .dispatcherTypeMatchers(DispatcherType.FORWARD).permitAll()
                        .requestMatchers(LOGIN_PAGE, "/console/console.css").permitAll()
                        .requestMatchers("/console/audit", "/console/audit/**").hasRole(Roles.IG_OFFICER)
                        .requestMatchers("/console/alerts", "/console/alerts/**").hasRole(Roles.LOCALITY_WORKER)
                        .requestMatchers("/console/reviews", "/console/reviews/**").hasRole(Roles.MATCH_REVIEWER)
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(forbidden))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"));
        // CSRF protection stays on (Spring Security's default): the console is used from a browser session.
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage(LOGIN_PAGE)
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(OIDC_AUTHORIZATION))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(OIDC_REDIRECTION))
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new OidcRoleMapping(oidc)))
                    .defaultSuccessUrl("/console", true)
                    .failureUrl(LOGIN_PAGE + "?error"));
        } else {
            http.formLogin(login -> login.loginPage(LOGIN_PAGE).loginProcessingUrl(LOGIN_PAGE)
                    .defaultSuccessUrl("/console", true).failureUrl(LOGIN_PAGE + "?error"));
        }
        return http.build();
    }
}
