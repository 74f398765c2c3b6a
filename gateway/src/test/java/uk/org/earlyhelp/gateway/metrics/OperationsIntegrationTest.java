package uk.org.earlyhelp.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/** What an operator watches: readiness that reflects the broker and database, and Prometheus metrics. */
class OperationsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void readinessAndLivenessAreOpenAndReadinessCoversTheBrokerAndTheDatabase() throws Exception {
        HttpResponse<String> readiness = client(null).get("/actuator/health/readiness", null);
        HttpResponse<String> liveness = client(null).get("/actuator/health/liveness", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"db\"", "\"jms\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusShowsFlagsByAgencyAndChannelStageTimersAndQueueDepthsToAdminsOnly() throws Exception {
        TestFamily family = new TestFamily();
        awaitDecision(submit("county-police", TestFlags.policeDomesticAbuse(family, true)), "alert-raised");

        HttpResponse<String> asAdmin = client(null).get("/actuator/prometheus", "admin:admin-test-password");
        HttpResponse<String> asPractitioner = client(null).get("/actuator/prometheus",
                "practitioner:practitioner-test-password");

        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body())
                .containsPattern("gateway_flags_total\\{[^}]*agency=\"county-police\"[^}]*outcome=\"accepted\"")
                .containsPattern("gateway_alerts_total\\{[^}]*locality=\"runcorn-north\"")
                .containsPattern("gateway_queue_depth\\{[^}]*queue=\"flags.received\"")
                .contains("pipeline-policy", "pipeline-match", "pipeline-family", "pipeline-alert")
                .doesNotContain(family.surname, family.postcode);
        assertThat(asPractitioner.statusCode()).isEqualTo(403);
    }
}
