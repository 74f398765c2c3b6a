package uk.org.earlyhelp.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** An external broker URL alone must leave no embedded broker running beside it. */
class EmbeddedModeEnvironmentTest {

    @Test
    void anExternalBrokerUrlSwitchesTheEmbeddedServerOffAndConnectsNatively() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.artemis.broker-url", "tcp://broker.example:61617?sslEnabled=true");

        new EmbeddedModeEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.artemis.mode")).isEqualTo("native");
        assertThat(environment.getProperty("spring.artemis.embedded.enabled")).isEqualTo("false");
    }

    @Test
    void withoutABrokerUrlTheEmbeddedBrokerIsLeftAsConfigured() {
        MockEnvironment environment = new MockEnvironment();

        new EmbeddedModeEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.artemis.mode")).isNull();
        assertThat(environment.getProperty("spring.artemis.embedded.enabled")).isNull();
    }

    @Test
    void anOperatorsOwnChoiceIsKept() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.artemis.broker-url", "tcp://localhost:61616")
                .withProperty("spring.artemis.embedded.enabled", "true");

        new EmbeddedModeEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.artemis.embedded.enabled")).isEqualTo("true");
    }
}
