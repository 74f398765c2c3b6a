package uk.org.earlyhelp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.audit.ChainVerification.Problem;

class AuditVerifyCommandTest {

    @Test
    void onlyTheVerifyArgumentSelectsTheCommand() {
        assertThat(AuditVerifyCommand.requested("--verify-audit")).isTrue();
        assertThat(AuditVerifyCommand.requested("--spring.datasource.url=jdbc:postgresql://db/gw", "--verify-audit"))
                .isTrue();
        assertThat(AuditVerifyCommand.requested()).isFalse();
        assertThat(AuditVerifyCommand.requested("--server.port=8443")).isFalse();
    }

    @Test
    void anIntactAuditExitsZeroAndABrokenOneExitsOneNamingTheSeqAndKind() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        assertThat(AuditVerifyCommand.report(ChainVerification.intact(12, 2, List.of("ab12")), out)).isZero();
        assertThat(AuditVerifyCommand.report(ChainVerification.brokenAt(7, 1, 8L, 3, 5, Problem.DELETED,
                "records after 4 are missing", List.of("ab12")), out)).isOne();
        assertThat(AuditVerifyCommand.report(ChainVerification.brokenAt(7, 1, null, 2, 9, Problem.DELETED,
                "records after 8 are missing: the chain head is at 10", List.of("ab12")), out)).isOne();

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("audit intact: 12 records, 2 signed checkpoints")
                .contains("audit NOT intact: deleted at seq 8, chain 3 record 5: records after 4 are missing")
                .contains("audit NOT intact: deleted at chain 2 record 9: records after 8 are missing");
    }
}
