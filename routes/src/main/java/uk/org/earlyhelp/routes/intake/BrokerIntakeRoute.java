package uk.org.earlyhelp.routes.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.Queues;
import uk.org.earlyhelp.routes.model.Agency;
import uk.org.earlyhelp.routes.model.FlagCodec;

/**
 * Police and adult-services systems publish flags (JSON, AMQP 1.0 or JMS over TLS) to their own
 * {@code flags.inbound.<agency-id>}; the broker lets only that agency's certificate send there, so the
 * address is the agency. One route per agency hands each message to the shared intake inside the
 * broker transaction: the message is consumed exactly when the flag is on {@code flags.received}. A
 * message intake refuses goes to {@code flags.inbound.dead-letter} with the reason and the field errors
 * as properties (and the refusal is audited by intake); nothing is dropped.
 */
@Component
public class BrokerIntakeRoute extends RouteBuilder {

    public static final String CHANNEL = "broker";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REJECTION_ERRORS = "rejectionErrors";
    public static final String REJECTED_AGENCY = "rejectedAgency";
    private static final String ORIGINAL_BODY = "originalBody";

    private final BrokerPublishers publishers;

    public BrokerIntakeRoute(BrokerPublishers publishers) {
        this.publishers = publishers;
    }

    @Override
    public void configure() {
        for (Agency agency : publishers.brokerPublishers()) {
            from("jms:queue:" + Queues.inboundForAgency(agency.id()) + "?transacted=true")
                    .routeId("intake-broker-" + agency.id())
                    // Errors are answered here, not retried by an error handler: a refusal is final,
                    // anything else rolls the broker transaction back so the broker redelivers.
                    .errorHandler(noErrorHandler())
                    .doTry()
                        .convertBodyTo(String.class)
                        .setProperty(ORIGINAL_BODY, body())
                        .setBody(exchange -> new IncomingFlag(agency, CHANNEL,
                                exchange.getMessage().getBody(String.class)))
                        .to(FlagIntakeRoute.ENDPOINT)
                    .doCatch(IntakeRejection.class)
                        .process(exchange -> restoreOriginalAndDescribeRejection(exchange, agency))
                        .to("jms:queue:" + Queues.FLAGS_INBOUND_DEAD_LETTER)
                    .end();
        }
    }

    private static void restoreOriginalAndDescribeRejection(Exchange exchange, Agency agency)
            throws JsonProcessingException {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        IntakeRejection rejection = IntakeRejection.in(caught)
                .orElseThrow(() -> new IllegalStateException("caught without an intake rejection", caught));
        exchange.getMessage().setBody(exchange.getProperty(ORIGINAL_BODY, String.class));
        exchange.getMessage().setHeader(REJECTION_REASON, rejection.reason());
        exchange.getMessage().setHeader(REJECTION_ERRORS,
                FlagCodec.mapper().writeValueAsString(rejection.fieldErrors()));
        exchange.getMessage().setHeader(REJECTED_AGENCY, agency.id());
    }
}
