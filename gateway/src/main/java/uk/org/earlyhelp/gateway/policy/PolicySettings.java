package uk.org.earlyhelp.gateway.policy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param agreements     where the information-sharing agreements are, one YAML document per file: a
 *                       Spring resource pattern such as {@code classpath:agreements/*.yaml} or
 *                       {@code file:/etc/early-help/agreements/*.yaml}
 * @param reloadInterval how often the files are checked for changes; a valid change takes effect
 *                       without a restart, an invalid one is refused and the last valid set stays
 */
@ConfigurationProperties("gateway.policy")
public record PolicySettings(String agreements, Duration reloadInterval) {
}
