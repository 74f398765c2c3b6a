package uk.org.earlyhelp.gateway.security;

import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The locality team a locality worker belongs to, carried as one more granted authority
 * ({@code LOCALITY_<id>}) so that it travels with the login however the person logged in (a configured
 * user or OpenID Connect) and needs no user store of its own.
 */
public final class LocalityAuthority {

    static final String PREFIX = "LOCALITY_";

    private LocalityAuthority() {
    }

    public static GrantedAuthority of(String localityId) {
        return new SimpleGrantedAuthority(PREFIX + localityId);
    }

    /** The logged-in person's locality, if they have one. */
    public static Optional<String> of(Authentication authentication) {
        return authentication == null ? Optional.empty() : of(authentication.getAuthorities());
    }

    public static Optional<String> of(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(name -> name.startsWith(PREFIX))
                .map(name -> name.substring(PREFIX.length())).findFirst();
    }
}
