package uk.org.earlyhelp.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import uk.org.earlyhelp.gateway.agency.AgencyDirectory;
import uk.org.earlyhelp.gateway.audit.AuditTrail;

/**
 * Two kinds of caller, two filter chains: agencies on the intake paths, identified only by their client
 * certificate; people everywhere else, with a role per area. Anything not listed is denied.
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
    @Order(2)
    SecurityFilterChain people(HttpSecurity http) throws Exception {
        return http
                // The APIs are called with Basic credentials, not a browser session: no CSRF token to steal.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole(Roles.IG_OFFICER)
                        .requestMatchers("/api/v1/consents", "/api/v1/consents/**")
                            .hasAnyRole(Roles.PRACTITIONER, Roles.ADMIN)
                        .requestMatchers("/api/v1/match-reviews", "/api/v1/match-reviews/**")
                            .hasRole(Roles.MATCH_REVIEWER)
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    UserDetailsService consoleUsers(ConsoleUserSettings settings) {
        return new InMemoryUserDetailsManager(settings.users().stream()
                .map(user -> User.withUsername(user.username()).password(user.password())
                        .roles(user.roles().toArray(String[]::new)).build())
                .toList());
    }
}
