package uk.org.earlyhelp.gateway.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.earlyhelp.gateway.support.AgencyMllpClient.field;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.org.earlyhelp.gateway.pki.ClientCertificateSpec;
import uk.org.earlyhelp.gateway.pki.DevelopmentPki;
import uk.org.earlyhelp.gateway.support.AgencyMllpClient;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestHl7;
import uk.org.earlyhelp.gateway.support.TestState;

/**
 * camel-mllp logs payloads on several paths (logPhi defaulted to true before 4.23 and some paths ignore it):
 * no name, NHS number, address or narrative from an HL7 message reaches the log, on any path.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoHl7PayloadInLogsIntegrationTest extends GatewayIntegrationTest {

    AgencyMllpClient mllp(Path keystore) throws IOException {
        return AgencyMllpClient.connect(keystore, pkiPassword(), TestState.pki().resolve("truststore.p12"),
                TestState.MLLP_PORT);
    }

    @Test
    void noHl7PayloadReachesTheLogOnAnyPath(CapturedOutput log) throws Exception {
        TestFamily family = new TestFamily();
        Path healthVisiting = TestState.pki().resolve("agencies/riverside-health-visiting.p12");
        String valid = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", family);
        String invalid = TestHl7.forFamily("ref-i12-v24-maternal-mental-health.hl7", family).replace("|M|", "|X|");
        String unsupported = TestHl7.forFamily("unsupported-adt-a01-v25-admission.hl7", family);
        String personUpdate = TestHl7.forFamily("adt-a31-v25-update-person.hl7", family);
        DevelopmentPki.ensure(TestState.pki(), pkiPassword(), List.of("localhost"), List.of(new ClientCertificateSpec(
                "unknown-clinic", "CN=unknown-clinic,OU=health-visiting,O=Early Help Gateway Development")));

        try (AgencyMllpClient client = mllp(healthVisiting)) {
            List<String> acks = client.sendAll(List.of(valid, invalid, unsupported, personUpdate));
            assertThat(acks).extracting(ack -> field(ack, "MSA", 1)).containsExactly("AA", "AE", "AR", "AA");
            // Bytes outside any frame, then a frame, then trailing bytes: camel-mllp logs such "out-of-band" data.
            client.writeRaw(("junk " + family.surname + "\r").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(field(client.sendAll(List.of(TestHl7.forFamily("adt-a31-v25-update-person.hl7", family)))
                    .get(0), "MSA", 1)).isEqualTo("AA");
        }
        try (AgencyMllpClient stranger = mllp(TestState.pki().resolve("agencies/unknown-clinic.p12"))) {
            assertThat(field(stranger.send(valid), "MSA", 1)).isEqualTo("AR");
        }
        try (AgencyMllpClient client = mllp(healthVisiting)) {
            String oversized = valid + "NTE|1||" + (family.surname + " ").repeat(90_000) + "\r";
            assertThatThrownBy(() -> client.send(oversized)).isInstanceOf(IOException.class);
        }
        try (AgencyMllpClient client = mllp(healthVisiting)) {
            // A frame cut off by the sender closing the connection.
            client.writeRaw(("\u000b" + valid).getBytes(StandardCharsets.ISO_8859_1));
        }

        assertThat(log.getAll()).as("the log is captured and names the channel").contains("mllp-hl7v2");
        assertThat(log.getAll()).doesNotContain(family.surname, family.baby.nhsNumber(), family.mother.nhsNumber(),
                family.postcode, family.line1, "low mood", "PID|", "MSH|");
    }
}
