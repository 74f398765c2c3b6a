package uk.org.earlyhelp.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import uk.org.earlyhelp.gateway.agency.ConfiguredAgency;

/** An agency authenticated by its client certificate. */
public class AgencyAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "AGENCY";

    private final ConfiguredAgency agency;

    public AgencyAuthentication(ConfiguredAgency agency) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.agency = agency;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ConfiguredAgency getPrincipal() {
        return agency;
    }
}
