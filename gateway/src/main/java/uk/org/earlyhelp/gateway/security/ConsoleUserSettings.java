package uk.org.earlyhelp.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people who may log in, for the embedded run (production uses OpenID Connect). Passwords are
 * stored encoded ({@code {bcrypt}...}), never in clear.
 */
@ConfigurationProperties("gateway.security")
public record ConsoleUserSettings(List<User> users) {

    public record User(String username, String password, List<String> roles) {
    }

    public ConsoleUserSettings {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
