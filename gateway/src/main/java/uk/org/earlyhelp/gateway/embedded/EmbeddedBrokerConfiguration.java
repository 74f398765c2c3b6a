package uk.org.earlyhelp.gateway.embedded;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.org.earlyhelp.gateway.agency.AgencySettings;
import uk.org.earlyhelp.gateway.alerting.AlertingSettings;
import uk.org.earlyhelp.routes.Queues;

/**
 * Security, the TLS listener and address settings for the embedded broker (an external broker is configured in its own broker.xml
 * with the same settings; see README). Spring Boot starts the broker only in embedded mode, so these
 * apply only there.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerConfiguration {

    /** Where the broker puts a message it has redelivered too often: visible, never dropped. */
    static final String BROKER_DEAD_LETTERS = "DLQ";

    @Bean
    ArtemisConfigurationCustomizer earlyHelpBrokerSecurity(AlertingSettings alerting, AgencySettings agencies,
            BrokerSettings broker) {
        return configuration -> {
            configuration.setSecurityEnabled(true);
            BrokerAccess.securitySettings(alerting, agencies).forEach(configuration::putSecurityRoles);
            if (broker.tlsPort() > 0) {
                try {
                    configuration.addAcceptorConfiguration("tls", tlsAcceptor(broker));
                } catch (Exception e) {
                    throw new IllegalStateException("the broker's TLS listener settings are invalid", e);
                }
            }
        };
    }

    private static String tlsAcceptor(BrokerSettings broker) {
        return "tcp://" + broker.tlsHost() + ":" + broker.tlsPort()
                + "?sslEnabled=true;needClientAuth=true;protocols=CORE,AMQP;saslMechanisms=EXTERNAL"
                + ";keyStoreType=PKCS12;keyStorePath=" + Path.of(broker.keyStore()).toAbsolutePath().normalize()
                + ";trustStoreType=PKCS12;trustStorePath=" + Path.of(broker.trustStore()).toAbsolutePath().normalize()
                + ";keyStorePassword=" + broker.storePassword()
                + ";trustStorePassword=" + broker.storePassword();
    }

    /** Certificates, not passwords: installed before the broker starts (Spring calls start after this). */
    @Bean
    static BeanPostProcessor earlyHelpBrokerAccess(ObjectProvider<AlertingSettings> alerting,
            ObjectProvider<AgencySettings> agencies) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(new BrokerAccess(alerting.getObject(), agencies.getObject()));
                }
                return bean;
            }
        };
    }

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
