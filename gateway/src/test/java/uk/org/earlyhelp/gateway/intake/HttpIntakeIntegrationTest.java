package uk.org.earlyhelp.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.pki.ClientCertificateSpec;
import uk.org.earlyhelp.gateway.pki.DevelopmentPki;
import uk.org.earlyhelp.gateway.support.AgencyHttpsClient;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.gateway.support.TestState;

/** {@code POST /api/v1/flags} over real mutual TLS: what is accepted, what is refused, and why. */
class HttpIntakeIntegrationTest extends GatewayIntegrationTest {

    @Test
    void anInvalidFlagIsRefusedWith400NamingEveryFailingFieldAndNothingIsStored() throws Exception {
        TestFamily family = new TestFamily();
        ObjectNode flag = TestFlags.schoolSuspension(family);
        ((ObjectNode) flag.get("details")).remove("reasonCategory");
        ((ObjectNode) flag.get("subjects").get(0)).put("upn", "A123");
        String sourceMessageId = flag.get("sourceMessageId").asText();

        HttpResponse<String> response = agency("greenfield-primary").postJson("/api/v1/flags", flag.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").findValuesAsText("field"))
                .contains("/details/reasonCategory", "/subjects/0/upn");
        assertThat(response.body()).doesNotContain("A123");
        assertThat(jdbc.queryForObject("select count(*) from intake_receipts where source_message_id = ?",
                Integer.class, sourceMessageId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'received' "
                + "and detail->>'sourceMessageId' = ?", Integer.class, sourceMessageId)).isZero();
    }

    @Test
    void aSourceFieldCannotClaimAnotherAgency() throws Exception {
        ObjectNode flag = TestFlags.schoolSuspension(new TestFamily());
        flag.put("source", "county-police");

        HttpResponse<String> response = agency("greenfield-primary").postJson("/api/v1/flags", flag.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsText("field")).contains("/source");
    }

    @Test
    void theSameSourceMessageIdTwiceCreatesOneFlag() throws Exception {
        ObjectNode flag = TestFlags.schoolSuspension(new TestFamily());

        HttpResponse<String> first = agency("greenfield-primary").postJson("/api/v1/flags", flag.toString());
        HttpResponse<String> second = agency("greenfield-primary").postJson("/api/v1/flags", flag.toString());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        String receipt = JSON.readTree(first.body()).get("receiptId").asText();
        assertThat(JSON.readTree(second.body()).get("receiptId").asText()).isEqualTo(receipt);
        assertThat(JSON.readTree(second.body()).get("duplicate").asBoolean()).isTrue();
        awaitDecision(receipt, "family-linked");
        assertThat(jdbc.queryForObject("select count(*) from intake_receipts where source_message_id = ?",
                Integer.class, flag.get("sourceMessageId").asText())).isEqualTo(1);
        assertThat(decisionsFor(receipt)).containsOnlyOnce("received", "family-linked").contains("duplicate");
    }

    @Test
    void aFlagTypeTheAgencyMayNotSendIsRefusedWith403AndAudited() throws Exception {
        ObjectNode flag = TestFlags.policeDomesticAbuse(new TestFamily(), true);

        HttpResponse<String> response = agency("greenfield-primary").postJson("/api/v1/flags", flag.toString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'agency-refused' "
                + "and agency_id = 'greenfield-primary' and flag_type = 'police-notification'", Integer.class))
                .isPositive();
    }

    @Test
    void aCertificateFromOurCaThatNoAgencyHoldsIsRefusedWith401AndAudited() throws Exception {
        DevelopmentPki.ensure(TestState.pki(), pkiPassword(), List.of("localhost"), List.of(
                new ClientCertificateSpec("retired-agency", "CN=retired-agency,OU=school,O=Early Help Gateway Development")));

        HttpResponse<String> response = client(TestState.pki().resolve("agencies/retired-agency.p12"))
                .postJson("/api/v1/flags", TestFlags.schoolSuspension(new TestFamily()).toString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'agency-refused' "
                + "and detail->>'certificateSubject' like 'CN=retired-agency%'", Integer.class)).isPositive();
    }

    @Test
    void aRequestWithoutAClientCertificateIsRefusedWith401() throws Exception {
        HttpResponse<String> response = client(null)
                .postJson("/api/v1/flags", TestFlags.schoolSuspension(new TestFamily()).toString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aCertificateFromAnotherCaFailsTheTlsHandshake(@org.junit.jupiter.api.io.TempDir Path elsewhere)
            throws Exception {
        DevelopmentPki.ensure(elsewhere, pkiPassword(), List.of("localhost"), List.of(
                new ClientCertificateSpec("greenfield-primary", "CN=greenfield-primary,OU=school,O=Early Help Gateway Development")));

        AgencyHttpsClient impostor = AgencyHttpsClient.forcingCertificate(
                elsewhere.resolve("agencies/greenfield-primary.p12"), pkiPassword(),
                TestState.pki().resolve("truststore.p12"), port);

        assertThatThrownBy(() -> impostor.postJson("/api/v1/flags",
                TestFlags.schoolSuspension(new TestFamily()).toString()))
                .as("the server refuses the handshake").isInstanceOf(IOException.class);
    }
}
