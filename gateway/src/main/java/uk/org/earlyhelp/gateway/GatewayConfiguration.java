package uk.org.earlyhelp.gateway;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.org.earlyhelp.schemas.FlagSchemas;

/** The few shared parts that are not features of their own. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The published schemas, loaded once: intake validates against them, alerting checks its own output. */
    @Bean
    FlagSchemas flagSchemas() {
        return FlagSchemas.load();
    }
}
