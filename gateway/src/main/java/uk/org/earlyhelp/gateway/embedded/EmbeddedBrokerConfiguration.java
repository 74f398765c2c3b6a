package uk.org.earlyhelp.gateway.embedded;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.org.earlyhelp.routes.Queues;

/**
 * Address settings for the embedded broker (an external broker is configured in its own broker.xml
 * with the same settings; see README). Spring Boot starts the broker only in embedded mode, so these
 * apply only there.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerConfiguration {

    /** Where the broker puts a message it has redelivered too often: visible, never dropped. */
    static final String BROKER_DEAD_LETTERS = "DLQ";

    @Bean
    ArtemisConfigurationCustomizer earlyHelpAddressSettings() {
        return configuration -> {
            // The pipeline retries and dead-letters in its own route; the broker redelivers only what a
            // crashed or rolled-back consumer left, with a growing delay so a database outage is waited out.
            AddressSettings everyAddress = new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(BROKER_DEAD_LETTERS))
                    .setAutoCreateDeadLetterResources(true)
                    .setMaxDeliveryAttempts(50)
                    .setRedeliveryDelay(500)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(30_000)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true)
                    .setAutoDeleteQueues(false)
                    .setAutoDeleteAddresses(false);
            configuration.addAddressSetting("#", everyAddress);
            configuration.addAddressSetting(Queues.FLAGS_DEAD_LETTER, new AddressSettings()
                    .setAutoCreateQueues(true).setAutoDeleteQueues(false));
        };
    }
}
