package uk.org.earlyhelp.routes.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.Queues;
import uk.org.earlyhelp.routes.model.FlagCodec;

/**
 * The pipeline as an ordered list: consume a flag from {@code flags.received}, then policy, match,
 * family, alert. A flag withheld by policy stops after policy; one held for a match reviewer stops after
 * matching (it comes back on {@code flags.received} once decided). The stages run in one database transaction inside the broker transaction, so a flag is
 * either fully processed and acknowledged, or rolled back and redelivered by the broker (with a growing
 * delay). A flag that keeps failing is dead-lettered on its last attempt: moved to
 * {@code flags.dead-letter} with the reason as a property, and audited.
 */
@Component
public class PipelineRoute extends RouteBuilder {

    static final String STAGES = "direct:pipeline-stages";
    private static final String FIRST_PROCESSING = "direct:pipeline-first-processing";
    /** Set by Artemis: 1 on the first delivery. */
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final String ORIGINAL_BODY = "originalBody";

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
                // Retries are the broker's: a failed attempt rolls back and Artemis redelivers after a
                // growing delay, without holding up the flags behind it. The last attempt dead-letters.
                .errorHandler(noErrorHandler())
                .setProperty(ORIGINAL_BODY, body())
                .doTry()
                    .transform().body(String.class, FlagCodec::fromJson)
                    .process(PipelineLogContext::enter)
                    .to(STAGES)
                .doCatch(Exception.class)
                    .setHeader(DeadLetterReason.HEADER_REASON, method(DeadLetterReason.class, "of"))
                    .choice()
                        // An unreachable database is not the flag's fault: it waits on the broker, redelivered with
                        // a growing delay until the database is back (about 20 minutes of attempts with the
                        // embedded broker's settings, after which the broker parks it on its own DLQ).
                        .when(method(TransientFailure.class, "isTransient"))
                            .log(LoggingLevel.WARN, "database unreachable, the broker will redeliver the flag: "
                                    + "${header." + DeadLetterReason.HEADER_REASON + "}")
                            .process(PipelineRoute::retryLater)
                        .when(simple("${header." + DELIVERY_COUNT + "} < {{gateway.pipeline.max-attempts:4}}"))
                            .log(LoggingLevel.WARN, "flag processing failed, the broker will redeliver: "
                                    + "${header." + DeadLetterReason.HEADER_REASON + "}")
                            .process(PipelineRoute::retryLater)
                        .otherwise()
                            .setBody(exchangeProperty(ORIGINAL_BODY))
                            .bean(deadLetters, "record(${body}, ${routeId}, ${header."
                                    + DeadLetterReason.HEADER_REASON + "})")
                            .to("jms:queue:" + Queues.FLAGS_DEAD_LETTER)
                    .end()
                .end()
                // Not reached when a retry is forced (RetryLater propagates): the next flag on this
                // consumer thread replaces the context, and the listener's own failure line keeps it.
                .process(PipelineLogContext::leave);

        from(STAGES).routeId("pipeline-stages")
                .transacted()
                .choice()
                    .when(method(ledger, "firstDelivery"))
                        .to(FIRST_PROCESSING)
                    .otherwise()
                        // Processed before: the broker transaction that carried its alert may not have committed.
                        .to(AlertStageRoute.REPEAT)
                .end();

        from(FIRST_PROCESSING).routeId("pipeline-first-processing")
                .to(PolicyStageRoute.ENDPOINT)
                .filter(simple("${body.shared}"))
                    .to(MatchStageRoute.ENDPOINT)
                    .filter(simple("${body.heldForReview} == false"))
                        .to(FamilyStageRoute.ENDPOINT)
                        .to(AlertStageRoute.ENDPOINT);
    }

    private static void retryLater(Exchange exchange) {
        throw new RetryLater(exchange.getMessage().getHeader(DeadLetterReason.HEADER_REASON, String.class));
    }
}
