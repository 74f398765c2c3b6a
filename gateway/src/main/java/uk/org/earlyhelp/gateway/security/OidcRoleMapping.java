package uk.org.earlyhelp.gateway.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Turns the identity provider's claims into the console's authorities: each known role in the roles
 * claim becomes {@code ROLE_<role>}, and a locality worker's locality claim becomes their
 * {@link LocalityAuthority}. Everything else the provider grants (scopes and the like) is dropped, so a
 * person has no rights here that the claim does not name.
 */
public class OidcRoleMapping implements GrantedAuthoritiesMapper {

    private final ConsoleOidcSettings settings;

    public OidcRoleMapping(ConsoleOidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                mapped.addAll(fromClaims(oidc.getAttributes()));
            }
        }
        return mapped;
    }

    /** The authorities the given claims grant. */
    public List<GrantedAuthority> fromClaims(Map<String, Object> claims) {
        List<GrantedAuthority> granted = new ArrayList<>();
        List<String> roles = roles(claims.get(settings.rolesClaim()));
        roles.stream().filter(Roles.ALL::contains).distinct()
                .forEach(role -> granted.add(new SimpleGrantedAuthority("ROLE_" + role)));
        Object locality = claims.get(settings.localityClaim());
        if (roles.contains(Roles.LOCALITY_WORKER) && locality instanceof String id && !id.isBlank()) {
            granted.add(LocalityAuthority.of(id.strip()));
        }
        return granted;
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).map(String::strip).toList();
        }
        if (claim instanceof String text) {
            return Arrays.stream(text.split("[\\s,]+")).filter(role -> !role.isEmpty()).toList();
        }
        return List.of();
    }
}
