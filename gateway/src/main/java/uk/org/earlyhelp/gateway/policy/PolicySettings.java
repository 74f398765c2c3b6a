package uk.org.earlyhelp.gateway.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** Where the information-sharing agreements are read from ({@code gateway.policy.agreements}). */
@ConfigurationProperties("gateway.policy")
public record PolicySettings(Resource agreements) {
}
