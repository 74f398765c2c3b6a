package uk.org.earlyhelp.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import uk.org.earlyhelp.gateway.agency.AgencyDirectory;
import uk.org.earlyhelp.gateway.alerting.AlertingSettings;
import uk.org.earlyhelp.gateway.audit.AuditTrail;

/**
 * Two kinds of caller, three filter chains: agencies on the intake paths, identified only by their client
 * certificate; people in the web console with a login form or OpenID Connect and a session
 * ({@link ConsoleSecurityConfiguration}); people on the APIs with HTTP Basic, with a role per area.
 * Anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain agencyIntake(HttpSecurity http, AgencyDirectory agencies, AuditTrail audit,
            ObjectMapper json) throws Exception {
        return http.securityMatcher("/api/v1/flags", "/api/v1/batches", "/api/v1/batches/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new AgencyCertificateFilter(agencies, audit, json), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(AgencyAuthentication.ROLE))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain people(HttpSecurity http) throws Exception {
        return http
                // The APIs are called with Basic credentials, not a browser session: no CSRF token to steal.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        // The error page of a request already checked (e.g. the console's 404 for an unknown
                        // page): it shows the status only (server.error.include-message: never).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole(Roles.IG_OFFICER)
                        .requestMatchers("/api/v1/consents", "/api/v1/consents/**")
                            .hasAnyRole(Roles.PRACTITIONER, Roles.ADMIN)
                        .requestMatchers("/api/v1/match-reviews", "/api/v1/match-reviews/**")
                            .hasRole(Roles.MATCH_REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/families/*/split").hasRole(Roles.MATCH_REVIEWER)
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    UserDetailsService consoleUsers(ConsoleUserSettings settings, AlertingSettings alerting) {
        Set<String> localities = alerting.localities().stream().map(AlertingSettings.Locality::id)
                .collect(Collectors.toSet());
        return new InMemoryUserDetailsManager(settings.users().stream()
                .map(user -> User.withUsername(user.username()).password(user.password())
                        .authorities(authorities(user, localities)).build())
                .toList());
    }

    /** The user's roles, and a locality worker's locality; a user the console could not serve is refused at start. */
    static List<GrantedAuthority> authorities(ConsoleUserSettings.User user, Set<String> localities) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : user.roles()) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("gateway.security.users: user " + user.username()
                        + " has role " + role + ", which is none of " + new TreeSet<>(Roles.ALL));
            }
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        boolean localityWorker = user.roles().contains(Roles.LOCALITY_WORKER);
        if (localityWorker && user.locality() == null) {
            throw new IllegalStateException("gateway.security.users: user " + user.username()
                    + " is a LOCALITY_WORKER but has no locality");
        }
        if (user.locality() != null) {
            if (!localityWorker) {
                throw new IllegalStateException("gateway.security.users: user " + user.username()
                        + " has a locality but is not a LOCALITY_WORKER");
            }
            if (!localities.contains(user.locality())) {
                throw new IllegalStateException("gateway.security.users: user " + user.username()
                        + " works for locality " + user.locality() + ", which is not in gateway.alerting.localities");
            }
            authorities.add(LocalityAuthority.of(user.locality()));
        }
        return authorities;
    }
}
