package uk.org.earlyhelp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/** The audit is append-only, its chain exposes any change, and only IG officers may read it. */
class AuditTrailIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    AuditChainVerifier verifier;

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRecords() throws Exception {
        String receipt = submit("greenfield-primary", TestFlags.schoolSuspension(new TestFamily()));
        awaitDecision(receipt, "family-linked");

        assertThatThrownBy(() -> jdbc.update("update audit_records set decision = 'shared' where receipt_id = ?::uuid",
                receipt)).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_records where receipt_id = ?::uuid", receipt))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void alteringAnyAuditRecordBreaksTheChainAtThatRecord() throws Exception {
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false));
        Map<String, Object> shared = awaitDecision(receipt, "shared");
        long seq = ((Number) shared.get("seq")).longValue();
        assertThat(verifier.verify().intact()).isTrue();

        try {
            asDatabaseOwner("update audit_records set decision = 'withheld' where seq = " + seq);
            ChainVerification altered = verifier.verify();
            assertThat(altered.intact()).isFalse();
            assertThat(altered.firstBrokenSeq()).isEqualTo(seq);
            assertThat(altered.problem()).contains("altered");
        } finally {
            asDatabaseOwner("update audit_records set decision = 'shared' where seq = " + seq);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void deletingAnAuditRecordIsNamedByTheRecordAfterTheGapInItsChain() throws Exception {
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false));
        Map<String, Object> shared = awaitDecision(receipt, "shared");
        awaitDecision(receipt, "family-linked");
        long seq = ((Number) shared.get("seq")).longValue();
        int chain = ((Number) shared.get("chain")).intValue();
        long chainSeq = ((Number) shared.get("chain_seq")).longValue();
        // The pipeline's records for the flag were written in one transaction, so to one chain.
        long next = jdbc.queryForObject("select seq from audit_records where chain = ? and chain_seq = ?", Long.class,
                chain, chainSeq + 1);
        jdbc.execute("create table deleted_audit_record as select * from audit_records where seq = " + seq);

        try {
            asDatabaseOwner("delete from audit_records where seq = " + seq);
            ChainVerification deleted = verifier.verify();
            assertThat(deleted.intact()).isFalse();
            assertThat(deleted.kind()).isEqualTo(ChainVerification.Problem.DELETED);
            assertThat(deleted.chain()).isEqualTo(chain);
            assertThat(deleted.chainSeq()).isEqualTo(chainSeq + 1);
            assertThat(deleted.firstBrokenSeq()).isEqualTo(next);
        } finally {
            asDatabaseOwner("insert into audit_records select * from deleted_audit_record");
            jdbc.execute("drop table deleted_audit_record");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void onlyAnIgOfficerMayReadTheAudit() throws Exception {
        String receipt = submit("greenfield-primary", TestFlags.schoolSuspension(new TestFamily()));
        awaitDecision(receipt, "family-linked");
        var browser = client(null);

        assertThat(browser.get("/api/v1/audit", null).statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/v1/audit", "practitioner:practitioner-test-password").statusCode()).isEqualTo(403);
        HttpResponse<String> asIgOfficer = browser.get("/api/v1/audit?agency=greenfield-primary&decision=received",
                "ig-officer:ig-officer-test-password");
        assertThat(asIgOfficer.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(asIgOfficer.body());
        assertThat(page.get("records").findValuesAsText("receiptId")).contains(receipt);
        assertThat(page.get("records").findValuesAsText("decision")).containsOnly("received");

        HttpResponse<String> verification = browser.get("/api/v1/audit/verification",
                "ig-officer:ig-officer-test-password");
        assertThat(JSON.readTree(verification.body()).get("intact").asBoolean()).isTrue();
    }

    /** Stands in for someone with direct database access working around the application's trigger. */
    private void asDatabaseOwner(String statement) {
        jdbc.execute("alter table audit_records disable trigger audit_records_append_only");
        try {
            jdbc.execute(statement);
        } finally {
            jdbc.execute("alter table audit_records enable trigger audit_records_append_only");
        }
    }
}
