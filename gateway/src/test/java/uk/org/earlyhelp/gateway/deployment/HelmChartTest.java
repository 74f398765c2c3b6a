package uk.org.earlyhelp.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart, checked with the real Helm library: it lints cleanly, and its rendered manifests are a
 * Deployment of two or more replicas with probes and resources, secrets mounted (never in the image or
 * the chart), a Service for HTTPS and MLLP, and a PodDisruptionBudget.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("..", "helm", "early-help-gateway");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theChartLintsWithoutWarnings() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void theRenderedDeploymentRunsTwoReplicasWithProbesResourcesAndMountedSecrets() throws IOException {
        JsonNode deployment = manifest(render(), "Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");

        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(deployment.at("/spec/template/spec/volumes").findValuesAsText("secretName"))
                .contains("early-help-gateway-tls", "early-help-audit-keys");
        assertThat(container.get("env").findValuesAsText("name")).contains("SPRING_DATASOURCE_URL",
                "SPRING_ARTEMIS_BROKER_URL", "SERVER_SSL_KEY_STORE_PASSWORD", "GATEWAY_AUDIT_SIGNING_PASSWORD");
        assertThat(container.get("env").toString()).as("credentials come from Secrets, never from values")
                .doesNotContainIgnoringCase("\"value\":\"changeit\"");
    }

    @Test
    void theServiceExposesHttpsAndMllpAndAPodDisruptionBudgetKeepsOneRunning() throws IOException {
        List<JsonNode> manifests = render();

        assertThat(manifest(manifests, "Service").at("/spec/ports").findValuesAsText("name"))
                .containsExactlyInAnyOrder("https", "mllp");
        assertThat(manifest(manifests, "PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(1);
    }

    @Test
    void valuesCanMountTheCouncilsAgreementsFromAConfigMap() throws IOException {
        String rendered = new Helm(CHART).template().withName("demo").set("agreementsConfigMap", "council-isas")
                .set("replicaCount", 3).call();

        JsonNode deployment = manifest(parse(rendered), "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(deployment.toString()).contains("council-isas", "file:/etc/early-help/agreements/*.yaml");
    }

    private static List<JsonNode> render() throws IOException {
        return parse(new Helm(CHART).template().withName("demo").call());
    }

    private static List<JsonNode> parse(String manifests) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(manifests)) {
            for (var iterator = YAML.readValues(parser, JsonNode.class); iterator.hasNext(); ) {
                JsonNode document = iterator.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    private static JsonNode manifest(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(document -> kind.equals(document.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " rendered"));
    }
}
