package uk.org.earlyhelp.routes.intake;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.Queues;
import uk.org.earlyhelp.routes.model.FlagCodec;

/**
 * The intake every channel shares: admit the flag, then put it durably on {@code flags.received}, all
 * inside one database transaction so a receipt exists only for a flag the broker has persisted. The
 * channel acknowledges the sender only when this route returns.
 */
@Component
public class FlagIntakeRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:intake";

    /** Artemis drops a second message with the same id: a resend is stopped at the broker as well. */
    static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Artemis message groups: one consumer at a time handles one group, so a family's flags stay in order. */
    static final String MESSAGE_GROUP = "JMSXGroupID";

    private final FlagAdmission admission;

    public FlagIntakeRoute(FlagAdmission admission) {
        this.admission = admission;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("intake-accept")
                // A rejection is an answer for the sender, not a failure of the gateway: no error log.
                .onException(IntakeRejection.class)
                    .handled(false).logExhausted(false).logStackTrace(false).logRetryAttempted(false)
                .end()
                .transacted()
                .bean(admission, "admit")
                .setProperty("admitted", body())
                .filter(simple("${body.duplicate} == false"))
                    .setHeader(ARTEMIS_DUPLICATE_ID, simple("${body.deduplicationId}"))
                    .setHeader(MESSAGE_GROUP, simple("${body.identityGroup}"))
                    .transform().body(AdmittedFlag.class, admitted -> FlagCodec.toJson(admitted.flag()))
                    .to(ExchangePattern.InOnly, "jms:queue:" + Queues.FLAGS_RECEIVED + "?deliveryPersistent=true")
                .end()
                .setBody(exchange -> IntakeReceipt.of(exchange.getProperty("admitted", AdmittedFlag.class)));
    }
}
