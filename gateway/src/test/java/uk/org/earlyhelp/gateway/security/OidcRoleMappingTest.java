package uk.org.earlyhelp.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** The identity provider's claims become console roles and a locality, and nothing more. */
class OidcRoleMappingTest {

    private final OidcRoleMapping defaults = new OidcRoleMapping(new ConsoleOidcSettings(null, null));

    @Test
    void knownRolesAndALocalityWorkersLocalityAreMappedAndEverythingElseDropped() {
        List<String> granted = names(defaults.mapAuthorities(List.of(
                new OidcUserAuthority(token(Map.of("roles", List.of("LOCALITY_WORKER", "SUPERUSER"),
                        "locality", "widnes"))),
                new SimpleGrantedAuthority("SCOPE_openid"))));

        assertThat(granted).containsExactlyInAnyOrder("ROLE_LOCALITY_WORKER", "LOCALITY_widnes");
    }

    @Test
    void theClaimNamesAreConfigurableAndRolesMayBeOneString() {
        OidcRoleMapping mapping = new OidcRoleMapping(new ConsoleOidcSettings("groups", "team"));

        assertThat(names(mapping.fromClaims(Map.of("groups", "IG_OFFICER, ADMIN", "roles", "LOCALITY_WORKER"))))
                .containsExactlyInAnyOrder("ROLE_IG_OFFICER", "ROLE_ADMIN");
    }

    @Test
    void aLocalityWithoutTheLocalityWorkerRoleGivesNothing() {
        assertThat(names(defaults.fromClaims(Map.of("roles", List.of("IG_OFFICER"), "locality", "widnes"))))
                .containsExactly("ROLE_IG_OFFICER");
        assertThat(defaults.fromClaims(Map.of("sub", "someone"))).isEmpty();
    }

    @Test
    void configuredUsersMustBeUsableByTheConsole() {
        ConsoleUserSettings.User worker = new ConsoleUserSettings.User("w", "{noop}x",
                List.of(Roles.LOCALITY_WORKER), "widnes");
        assertThat(names(SecurityConfiguration.authorities(worker, java.util.Set.of("widnes"))))
                .containsExactly("ROLE_LOCALITY_WORKER", "LOCALITY_widnes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecurityConfiguration.authorities(
                        new ConsoleUserSettings.User("w", "{noop}x", List.of(Roles.LOCALITY_WORKER), null),
                        java.util.Set.of("widnes")))
                .hasMessageContaining("user w is a LOCALITY_WORKER but has no locality");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecurityConfiguration.authorities(worker,
                        java.util.Set.of("runcorn-north")))
                .hasMessageContaining("locality widnes, which is not in gateway.alerting.localities");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecurityConfiguration.authorities(
                        new ConsoleUserSettings.User("w", "{noop}x", List.of("ROOT"), null), java.util.Set.of()))
                .hasMessageContaining("has role ROOT");
    }

    private static OidcIdToken token(Map<String, Object> claims) {
        return OidcIdToken.withTokenValue("token").subject("person-1").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claims(all -> all.putAll(claims)).build();
    }

    private static List<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
