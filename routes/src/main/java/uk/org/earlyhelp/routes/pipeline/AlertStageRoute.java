package uk.org.earlyhelp.routes.pipeline;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Stage 4: the alert rules run over the family's recent flags; a raised or updated alert goes to the
 * locality team's own queue, inside the same broker transaction as the flag it came from.
 */
@Component
public class AlertStageRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:pipeline-alert";

    private final AlertRules rules;

    public AlertStageRoute(AlertRules rules) {
        this.rules = rules;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("pipeline-alert")
                .bean(rules, "evaluate")
                .filter(body().isNotNull())
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
