package uk.org.earlyhelp.routes.pipeline;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.Queues;
import uk.org.earlyhelp.routes.model.FlagCodec;

/**
 * The pipeline as an ordered list: consume a flag from {@code flags.received}, then policy, match,
 * family, alert. The stages run in one database transaction inside the broker transaction, so a flag is
 * either fully processed and acknowledged, or rolled back and redelivered. A flag that keeps failing is
 * retried a bounded number of times, then moved to {@code flags.dead-letter} with the reason and audited.
 */
@Component
public class PipelineRoute extends RouteBuilder {

    static final String STAGES = "direct:pipeline-stages";

    private final FlagLedger ledger;
    private final DeadLetters deadLetters;

    public PipelineRoute(FlagLedger ledger, DeadLetters deadLetters) {
        this.ledger = ledger;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        from("jms:queue:" + Queues.FLAGS_RECEIVED
                + "?transacted=true&concurrentConsumers={{gateway.pipeline.consumers:2}}")
                .routeId("pipeline")
                .onException(Exception.class)
                    .maximumRedeliveries("{{gateway.pipeline.max-redeliveries:3}}")
                    .redeliveryDelay("{{gateway.pipeline.redelivery-delay-ms:200}}")
                    .useExponentialBackOff()
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logExhaustedMessageHistory(false)
                    .logExhaustedMessageBody(false)
                    .handled(true)
                    .useOriginalMessage()
                    .setHeader(DeadLetterReason.HEADER_REASON, method(DeadLetterReason.class, "of"))
                    .bean(deadLetters, "record(${body}, ${routeId}, ${header." + DeadLetterReason.HEADER_REASON + "})")
                    .to("jms:queue:" + Queues.FLAGS_DEAD_LETTER)
                .end()
                .transform().body(String.class, FlagCodec::fromJson)
                .to(STAGES);

        from(STAGES).routeId("pipeline-stages")
                .transacted()
                .filter(method(ledger, "firstDelivery"))
                    .to(PolicyStageRoute.ENDPOINT)
                    .filter(simple("${body.shared}"))
                        .to(MatchStageRoute.ENDPOINT)
                        .to(FamilyStageRoute.ENDPOINT)
                        .to(AlertStageRoute.ENDPOINT);
    }
}
