package uk.org.earlyhelp.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people who may log in, for the embedded run (production uses OpenID Connect). Passwords are
 * stored encoded ({@code {bcrypt}...}), never in clear.
 */
@ConfigurationProperties("gateway.security")
public record ConsoleUserSettings(List<User> users) {

    /** @param locality the locality team a {@code LOCALITY_WORKER} works for (required for that role) */
    public record User(String username, String password, List<String> roles, String locality) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public ConsoleUserSettings {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
