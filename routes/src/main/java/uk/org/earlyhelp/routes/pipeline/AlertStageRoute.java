package uk.org.earlyhelp.routes.pipeline;

import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Stage 4: the alert rules run over the family's recent flags; a raised or updated alert goes to the
 * locality team's own queue, inside the same broker transaction as the flag it came from. The version
 * published is remembered with the flag's ledger entry, so that a flag delivered again after its
 * database commit but before its broker commit (a crash between the two) publishes it again.
 */
@Component
public class AlertStageRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:pipeline-alert";
    /** A flag already processed: its alert version is published again (the broker drops a real double). */
    static final String REPEAT = "direct:pipeline-alert-repeat";
    private static final String PUBLISH = "direct:pipeline-alert-publish";
    private static final String RECEIPT_ID = "receiptId";

    private final AlertRules rules;
    private final FlagLedger ledger;

    public AlertStageRoute(AlertRules rules, FlagLedger ledger) {
        this.rules = rules;
        this.ledger = ledger;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("pipeline-alert")
                .setProperty(RECEIPT_ID, simple("${body.flag.receiptId}"))
                .bean(rules, "evaluate")
                .filter(body().isNotNull())
                    .bean(ledger, "recordPublication(${exchangeProperty." + RECEIPT_ID + "}, ${body})")
                    .to(PUBLISH);

        from(REPEAT).routeId("pipeline-alert-repeat")
                .bean(ledger, "publicationToRepeat")
                .filter(body().isNotNull())
                    .log(LoggingLevel.INFO, "flag delivered again after processing: publishing alert=${body.alertId} "
                            + "version=${body.version} again")
                    .to(PUBLISH);

        from(PUBLISH).routeId("pipeline-alert-publish")
                // Nothing of the incoming flag's transport headers travels on to a locality team.
                .removeHeaders("*")
                .setHeader("_AMQ_DUPL_ID", simple("${body.deduplicationId}"))
                .setHeader("alertId", simple("${body.alertId}"))
                .setHeader("alertVersion", simple("${body.version}"))
                .setHeader("familyId", simple("${body.familyId}"))
                .setHeader("JMSXGroupID", simple("${body.familyId}"))
                .setHeader("alertDestination", simple("${body.destination}"))
                .transform().body(AlertPublication.class, AlertPublication::json)
                .setExchangePattern(ExchangePattern.InOnly)
                .toD("jms:queue:${header.alertDestination}");
    }
}
