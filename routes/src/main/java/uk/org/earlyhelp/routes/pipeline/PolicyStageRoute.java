package uk.org.earlyhelp.routes.pipeline;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Stage 1: the information-sharing agreement and consent decide whether the flag goes any further. */
@Component
public class PolicyStageRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:pipeline-policy";

    private final SharingPolicy policy;

    public PolicyStageRoute(SharingPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("pipeline-policy")
                .bean(policy, "decide");
    }
}
