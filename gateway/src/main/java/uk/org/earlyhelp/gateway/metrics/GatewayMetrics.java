package uk.org.earlyhelp.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The gateway's own counters; per-stage latency comes from Camel's route timers (one route per stage). */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome accepted, duplicate, rejected or refused */
    public void flag(String agencyId, String channel, String outcome) {
        Counter.builder("gateway.flags").description("Flags offered at intake, by outcome")
                .tag("agency", String.valueOf(agencyId)).tag("channel", String.valueOf(channel))
                .tag("outcome", outcome).register(registry).increment();
    }

    /** @param kind raised or updated */
    public void alert(String localityId, String kind) {
        Counter.builder("gateway.alerts").description("Alert versions published, by locality")
                .tag("locality", localityId).tag("kind", kind).register(registry).increment();
    }

    public void deadLetter(String stage) {
        Counter.builder("gateway.dead.letters").description("Flags the pipeline gave up on")
                .tag("stage", String.valueOf(stage)).register(registry).increment();
    }
}
