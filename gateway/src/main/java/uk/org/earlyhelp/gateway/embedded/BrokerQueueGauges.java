package uk.org.earlyhelp.gateway.embedded;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.Queues;

/**
 * Queue depths of the embedded broker as gauges ({@code gateway.queue.depth}). An external broker
 * exports its own metrics; this exists so the one-machine run is observable too.
 */
@Component
public class BrokerQueueGauges {

    private static final List<String> WATCHED = List.of(Queues.FLAGS_RECEIVED, Queues.FLAGS_DEAD_LETTER,
            Queues.FLAGS_INBOUND_DEAD_LETTER, Queues.ALERTS_TRIAGE, EmbeddedBrokerConfiguration.BROKER_DEAD_LETTERS);

    /** The broker bean exists only in the embedded run (user configuration is read before it is defined). */
    public BrokerQueueGauges(ObjectProvider<EmbeddedActiveMQ> embeddedBroker, MeterRegistry registry) {
        EmbeddedActiveMQ broker = embeddedBroker.getIfAvailable();
        if (broker == null) {
            return;
        }
        for (String queue : WATCHED) {
            Gauge.builder("gateway.queue.depth", broker, embedded -> depth(embedded, queue))
                    .description("Messages waiting on a queue of the embedded broker")
                    .tag("queue", queue).register(registry);
        }
    }

    private static double depth(EmbeddedActiveMQ broker, String name) {
        if (broker.getActiveMQServer() == null) {
            return Double.NaN;
        }
        Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(name));
        return queue == null ? 0 : queue.getMessageCount();
    }
}
