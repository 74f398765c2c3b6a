package uk.org.earlyhelp.gateway.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.earlyhelp.gateway.support.AgencyMllpClient.field;
import static uk.org.earlyhelp.gateway.support.AgencyMllpClient.segments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.org.earlyhelp.gateway.pki.ClientCertificateSpec;
import uk.org.earlyhelp.gateway.pki.DevelopmentPki;
import uk.org.earlyhelp.gateway.support.AgencyMllpClient;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestHl7;
import uk.org.earlyhelp.gateway.support.TestState;

/** Health visiting over HL7 v2, MLLP and real TLS: what is acknowledged how, and who may connect. */
class HealthVisitingMllpIntegrationTest extends GatewayIntegrationTest {

    static final String HEALTH_VISITING = "riverside-health-visiting";

    AgencyMllpClient mllp(Path keystore) throws IOException {
        return AgencyMllpClient.connect(keystore, pkiPassword(), TestState.pki().resolve("truststore.p12"),
                TestState.MLLP_PORT);
    }

    AgencyMllpClient mllp(String agencyId) throws IOException {
        return mllp(TestState.pki().resolve("agencies").resolve(agencyId + ".p12"));
    }

    String receiptIn(String acknowledgement) {
        return field(acknowledgement, "MSA", 3).replace("receipt ", "").replace(" (duplicate)", "");
    }

    @Test
    void aReferralIsAcknowledgedAaWithItsControlIdOnlyOnceItsFlagIsDurable() throws Exception {
        String message = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", new TestFamily());

        String ack;
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            ack = client.send(message);
        }

        assertThat(field(ack, "MSA", 1)).isEqualTo("AA");
        assertThat(field(ack, "MSA", 2)).isEqualTo(TestHl7.controlId(message));
        assertThat(field(ack, "MSH", 9)).startsWith("ACK");
        assertThat(field(ack, "MSH", 12)).isEqualTo("2.4");
        String receipt = receiptIn(ack);
        // Durable before AA: the receipt and its audit record are already committed.
        Map<String, Object> received = jdbc.queryForMap(
                "select channel, agency_id from audit_records where receipt_id = ?::uuid and decision = 'received'",
                receipt);
        assertThat(received).containsEntry("channel", "mllp-hl7v2").containsEntry("agency_id", HEALTH_VISITING);
        // Medium severity, no consent recorded yet: held pending consent, as over HTTPS.
        awaitDecision(receipt, "pending-consent");
    }

    @Test
    void anObservationResultInVersion25ReachesTheLocalityAsAnAlert() throws Exception {
        TestFamily family = new TestFamily();
        String message = TestHl7.forFamily("oru-r01-v25-domestic-abuse-disclosure.hl7", family);

        String ack;
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            ack = client.send(message);
        }

        assertThat(field(ack, "MSA", 1)).isEqualTo("AA");
        assertThat(field(ack, "MSH", 12)).isEqualTo("2.5");
        awaitDecision(receiptIn(ack), "alert-raised");
        assertThat(personWithNhsNumber(family.mother.nhsNumber())).isNotNull();
    }

    @Test
    void theSameControlIdTwiceIsOneFlag() throws Exception {
        String message = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", new TestFamily());

        List<String> acks;
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            acks = List.of(client.send(message), client.send(message));
        }

        assertThat(acks).extracting(ack -> field(ack, "MSA", 1)).containsExactly("AA", "AA");
        assertThat(receiptIn(acks.get(1))).isEqualTo(receiptIn(acks.get(0)));
        assertThat(field(acks.get(1), "MSA", 3)).endsWith("(duplicate)");
    }

    @Test
    void aPersonUpdateIsAcknowledgedAaAndRaisesNoFlag() throws Exception {
        String message = TestHl7.forFamily("adt-a31-v25-update-person.hl7", new TestFamily());

        String ack;
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            ack = client.send(message);
        }

        assertThat(field(ack, "MSA", 1)).isEqualTo("AA");
        assertThat(field(ack, "MSA", 2)).isEqualTo(TestHl7.controlId(message));
        assertThat(field(ack, "MSA", 3)).contains("no flag");
        assertThat(receiptsFor(message)).isZero();
    }

    @Test
    void anInvalidNhsNumberIsAnsweredAeWithAnErrAtPid3AndNothingIsStored() throws Exception {
        String message = TestHl7.withControlId(TestHl7.example("invalid-ref-i12-nhs-number-check-digit.hl7"),
                "TEST-invalid-nhs-" + System.nanoTime());

        String ack;
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            ack = client.send(message);
        }

        assertThat(field(ack, "MSA", 1)).isEqualTo("AE");
        assertThat(field(ack, "MSA", 2)).isEqualTo(TestHl7.controlId(message));
        assertThat(segments(ack, "ERR")).hasSize(1);
        assertThat(field(ack, "ERR", 1)).as("v2.4 ERR-1 location").startsWith("PID^1^3");
        assertThat(field(ack, "MSA", 3)).contains("/subjects/0/nhsNumber");
        assertThat(ack).doesNotContain("9990701661");
        assertThat(receiptsFor(message)).isZero();
    }

    @Test
    void everyInvalidFieldIsNamedInAnErrSegmentOfItsOwn() throws Exception {
        String message = TestHl7.withControlId(TestHl7.example("invalid-oru-r01-no-concern-and-unknown-severity.hl7"),
                "TEST-invalid-oru-" + System.nanoTime());

        String ack;
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            ack = client.send(message);
        }

        assertThat(field(ack, "MSA", 1)).isEqualTo("AE");
        List<String> locations = segments(ack, "ERR").stream().map(err -> err.split("\\|", -1)[2]).toList();
        assertThat(locations).as("v2.5 ERR-2 locations").containsExactlyInAnyOrder("OBX", "OBX^1^5");
        assertThat(ack).contains("concernCategory", "severity");
    }

    @Test
    void anUnsupportedMessageTypeOrVersionIsAnsweredAr() throws Exception {
        List<String> acks = new ArrayList<>();
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            acks.add(client.send(TestHl7.example("unsupported-adt-a01-v25-admission.hl7")));
            acks.add(client.send(TestHl7.example("unsupported-ref-i12-v23.hl7")));
        }

        assertThat(acks).extracting(ack -> field(ack, "MSA", 1)).containsExactly("AR", "AR");
        assertThat(acks).extracting(ack -> field(ack, "MSA", 2))
                .containsExactly("hv-adt-20261104-0006", "hv-ref-20261014-0007");
        assertThat(field(acks.get(0), "ERR", 2)).startsWith("MSH^1^9");
        assertThat(field(acks.get(0), "ERR", 3)).startsWith("200");
        assertThat(field(acks.get(1), "MSA", 3)).contains("version 2.3");
    }

    @Test
    void severalFramesInOneTcpWriteAreEachAcknowledgedAndEachBecomeAFlag() throws Exception {
        TestFamily family = new TestFamily();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            messages.add(TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", family));
        }

        List<String> acks;
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            acks = client.sendAll(messages);
        }

        assertThat(acks).extracting(ack -> field(ack, "MSA", 1)).containsOnly("AA");
        assertThat(acks).extracting(ack -> field(ack, "MSA", 2))
                .containsExactlyElementsOf(messages.stream().map(TestHl7::controlId).toList());
        assertThat(acks).extracting(this::receiptIn).doesNotHaveDuplicates();
        for (String message : messages) {
            assertThat(receiptsFor(message)).isEqualTo(1);
        }
    }

    @Test
    void aFrameOverTheSizeLimitIsRefusedAndTheListenerCarriesOn() throws Exception {
        String message = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", new TestFamily());
        String oversized = message + "NTE|1||" + "x".repeat(1_100_000) + "\r";

        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            assertThatThrownBy(() -> client.send(oversized)).isInstanceOf(IOException.class);
        }
        try (AgencyMllpClient client = mllp(HEALTH_VISITING)) {
            assertThat(field(client.send(message), "MSA", 1)).isEqualTo("AA");
        }
        assertThat(receiptsFor(message)).isEqualTo(1);
    }

    @Test
    void aCertificateOfOurCaThatNoAgencyHoldsIsAnsweredArAndAudited() throws Exception {
        DevelopmentPki.ensure(TestState.pki(), pkiPassword(), List.of("localhost"), List.of(new ClientCertificateSpec(
                "retired-health-visiting", "CN=retired-health-visiting,OU=health-visiting,O=Early Help Gateway Development")));
        String message = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", new TestFamily());

        String ack;
        try (AgencyMllpClient client = mllp(TestState.pki().resolve("agencies/retired-health-visiting.p12"))) {
            ack = client.send(message);
        }

        assertThat(field(ack, "MSA", 1)).isEqualTo("AR");
        assertThat(receiptsFor(message)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'agency-refused' "
                + "and channel = 'mllp-hl7v2' and detail->>'certificateSubject' like 'CN=retired-health-visiting%'",
                Integer.class)).isPositive();
    }

    @Test
    void anAgencyWhoseAgreementsDoNotCoverHealthVisitingConcernsIsAnsweredAr() throws Exception {
        String message = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", new TestFamily());

        String ack;
        try (AgencyMllpClient client = mllp("greenfield-primary")) {
            ack = client.send(message);
        }

        assertThat(field(ack, "MSA", 1)).isEqualTo("AR");
        assertThat(receiptsFor(message)).isZero();
    }

    @Test
    void aCertificateFromAnotherCaFailsTheTlsHandshake(@TempDir Path elsewhere) throws Exception {
        DevelopmentPki.ensure(elsewhere, pkiPassword(), List.of("localhost"), List.of(new ClientCertificateSpec(
                HEALTH_VISITING, "CN=riverside-health-visiting,OU=health-visiting,O=Early Help Gateway Development")));
        String message = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", new TestFamily());

        assertThatThrownBy(() -> {
            try (AgencyMllpClient impostor = mllp(elsewhere.resolve("agencies/" + HEALTH_VISITING + ".p12"))) {
                impostor.send(message);
            }
        }).isInstanceOf(IOException.class);
        assertThat(receiptsFor(message)).isZero();
    }

    @Test
    void aConnectionWithoutAClientCertificateFailsTheTlsHandshake() throws Exception {
        String message = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", new TestFamily());

        assertThatThrownBy(() -> {
            try (AgencyMllpClient anonymous = mllp((Path) null)) {
                anonymous.send(message);
            }
        }).isInstanceOf(IOException.class);
        assertThat(receiptsFor(message)).isZero();
    }

    private int receiptsFor(String message) {
        return jdbc.queryForObject("select count(*) from intake_receipts where source_message_id = ?", Integer.class,
                TestHl7.controlId(message));
    }
}
