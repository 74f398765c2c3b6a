package uk.org.earlyhelp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHashingTest {

    private static final String PREVIOUS_HASH = "0".repeat(64);

    private static Map<String, Object> detail(Object... keysAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            detail.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return detail;
    }

    private static AuditRecord record(long seq, String decision, String previousHash, List<String> subjectKeys,
            Map<String, Object> detail) {
        return new AuditRecord(seq, Instant.parse("2026-11-01T09:15:00.123456Z"), decision, "county-police", "https",
                "police-notification", "5f0c1c2e-8d1a-4c2b-9a6e-1f2d3c4b5a69", "police-notification-v1", 1,
                subjectKeys, detail, previousHash, null);
    }

    private static final List<String> SUBJECTS = List.of("nhs:aaaa1111", "name-dob:bbbb2222");

    private static AuditRecord shared() {
        return record(42, "shared", PREVIOUS_HASH, SUBJECTS,
                detail("agreementId", "isa-police-early-help", "agreementVersion", 1, "lawfulBasis", "6(1)(e)"));
    }

    @Test
    void theSameRecordAlwaysHashesTheSame() {
        assertThat(AuditHashing.hash(shared())).isEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void theHashIsSha256InLowerCaseHex() {
        assertThat(AuditHashing.hash(shared())).matches("[0-9a-f]{64}");
    }

    @Test
    void theOrderDetailsWereAddedInDoesNotChangeTheHash() {
        AuditRecord reordered = record(42, "shared", PREVIOUS_HASH, SUBJECTS,
                detail("lawfulBasis", "6(1)(e)", "agreementVersion", 1, "agreementId", "isa-police-early-help"));

        assertThat(AuditHashing.hash(reordered)).isEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void theOrderOfNestedDetailsDoesNotChangeTheHash() {
        AuditRecord one = record(42, "fields-dropped", PREVIOUS_HASH, SUBJECTS,
                detail("counts", detail("details", 2, "subjects", 1)));
        AuditRecord other = record(42, "fields-dropped", PREVIOUS_HASH, SUBJECTS,
                detail("counts", detail("subjects", 1, "details", 2)));

        assertThat(AuditHashing.hash(one)).isEqualTo(AuditHashing.hash(other));
    }

    @Test
    void aChangedDecisionChangesTheHash() {
        AuditRecord withheld = record(42, "withheld", PREVIOUS_HASH, SUBJECTS, shared().detail());

        assertThat(AuditHashing.hash(withheld)).isNotEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void aChangedSequenceNumberChangesTheHash() {
        AuditRecord renumbered = record(43, "shared", PREVIOUS_HASH, SUBJECTS, shared().detail());

        assertThat(AuditHashing.hash(renumbered)).isNotEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void aChangedPreviousHashChangesTheHash() {
        AuditRecord relinked = record(42, "shared", "1" + PREVIOUS_HASH.substring(1), SUBJECTS, shared().detail());

        assertThat(AuditHashing.hash(relinked)).isNotEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void aChangedSubjectKeyChangesTheHash() {
        AuditRecord otherSubject = record(42, "shared", PREVIOUS_HASH, List.of("nhs:aaaa1111", "name-dob:bbbb2223"),
                shared().detail());

        assertThat(AuditHashing.hash(otherSubject)).isNotEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void aRemovedSubjectKeyChangesTheHash() {
        AuditRecord fewerSubjects = record(42, "shared", PREVIOUS_HASH, List.of("nhs:aaaa1111"), shared().detail());

        assertThat(AuditHashing.hash(fewerSubjects)).isNotEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void aChangedDetailValueChangesTheHash() {
        AuditRecord otherBasis = record(42, "shared", PREVIOUS_HASH, SUBJECTS,
                detail("agreementId", "isa-police-early-help", "agreementVersion", 1, "lawfulBasis", "6(1)(c)"));

        assertThat(AuditHashing.hash(otherBasis)).isNotEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void aDetailValueOfAnotherJsonTypeChangesTheHash() {
        AuditRecord textVersion = record(42, "shared", PREVIOUS_HASH, SUBJECTS,
                detail("agreementId", "isa-police-early-help", "agreementVersion", "1", "lawfulBasis", "6(1)(e)"));

        assertThat(AuditHashing.hash(textVersion)).isNotEqualTo(AuditHashing.hash(shared()));
    }

    @Test
    void aChangedRecordingTimeChangesTheHash() {
        AuditRecord original = shared();
        AuditRecord later = new AuditRecord(original.seq(), original.recordedAt().plusNanos(1000), original.decision(),
                original.agencyId(), original.channel(), original.flagType(), original.receiptId(), original.ruleId(),
                original.ruleVersion(), original.subjectKeys(), original.detail(), original.previousHash(), null);

        assertThat(AuditHashing.hash(later)).isNotEqualTo(AuditHashing.hash(original));
    }

    @Test
    void theStoredRecordHashIsNotPartOfWhatIsHashed() {
        AuditRecord original = shared();
        AuditRecord withStoredHash = new AuditRecord(original.seq(), original.recordedAt(), original.decision(),
                original.agencyId(), original.channel(), original.flagType(), original.receiptId(), original.ruleId(),
                original.ruleVersion(), original.subjectKeys(), original.detail(), original.previousHash(),
                "f".repeat(64));

        assertThat(AuditHashing.hash(withStoredHash)).isEqualTo(AuditHashing.hash(original));
    }

    @Test
    void theRecordFormAndTheFieldFormHashTheSame() {
        AuditRecord record = shared();

        String fromFields = AuditHashing.hash(record.previousHash(), record.seq(), record.recordedAt().toString(),
                record.decision(), record.agencyId(), record.channel(), record.flagType(), record.receiptId(),
                record.ruleId(), record.ruleVersion(), record.subjectKeys(), record.detail());

        assertThat(fromFields).isEqualTo(AuditHashing.hash(record));
    }
}
