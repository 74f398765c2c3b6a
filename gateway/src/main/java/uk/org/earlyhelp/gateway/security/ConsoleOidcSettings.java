package uk.org.earlyhelp.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the console reads a person's roles and locality from the OpenID Connect provider's ID token (or
 * user info), used only when an OIDC client registration is configured.
 *
 * @param rolesClaim    the claim holding the roles: a list, or one string with roles separated by spaces
 *                      or commas; values are the gateway's role names ({@code IG_OFFICER}, ...), others ignored
 * @param localityClaim the claim holding a locality worker's locality id
 */
@ConfigurationProperties("gateway.console.oidc")
public record ConsoleOidcSettings(String rolesClaim, String localityClaim) {

    public ConsoleOidcSettings {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        localityClaim = localityClaim == null || localityClaim.isBlank() ? "locality" : localityClaim;
    }
}
