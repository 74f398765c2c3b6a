package uk.org.earlyhelp.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.org.earlyhelp.gateway.audit.AuditSettings;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;

/** A resent flag must get the receipt its first, possibly half-finished, attempt put on the broker. */
class ReceiptIdsTest {

    @TempDir
    Path keys;

    @Test
    void theSameAgencyAndSourceMessageAlwaysGetTheSameReceipt() {
        Pseudonymiser pseudonymiser = pseudonymiser("gateway.key");

        UUID first = ReceiptIds.receiptFor(pseudonymiser, "county-police", "MSG-1");

        assertThat(ReceiptIds.receiptFor(pseudonymiser, "county-police", "MSG-1")).isEqualTo(first);
        assertThat(ReceiptIds.receiptFor(pseudonymiser, "county-police", "MSG-2")).isNotEqualTo(first);
        assertThat(ReceiptIds.receiptFor(pseudonymiser, "greenfield-primary", "MSG-1")).isNotEqualTo(first);
    }

    @Test
    void receiptsCannotBeComputedWithoutTheGatewaysSecret() {
        UUID ours = ReceiptIds.receiptFor(pseudonymiser("gateway.key"), "county-police", "MSG-1");
        UUID anotherKeys = ReceiptIds.receiptFor(pseudonymiser("other.key"), "county-police", "MSG-1");

        assertThat(anotherKeys).isNotEqualTo(ours);
        assertThat(ours).isNotEqualTo(UUID.nameUUIDFromBytes("county-police\nMSG-1".getBytes()));
    }

    private Pseudonymiser pseudonymiser(String keyFile) {
        return new Pseudonymiser(new AuditSettings(keys.resolve(keyFile), 0, null, null));
    }
}
