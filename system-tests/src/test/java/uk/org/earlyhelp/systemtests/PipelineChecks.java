package uk.org.earlyhelp.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * What must hold after any load and any fault, read straight from the database (JDBC) and the broker:
 * every accepted flag processed exactly once, one open alert per family that qualifies and none for the
 * others, each alert version on the team's queue exactly once, no person twice, the audit chain intact.
 */
final class PipelineChecks {

    private final Topology topology;

    PipelineChecks(Topology topology) {
        this.topology = topology;
    }

    /** Waits until every receipt is in its family's history; returns how long that took. */
    Duration awaitProcessed(Collection<String> receipts, Duration timeout) throws Exception {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        long processed = -1;
        while (Instant.now().isBefore(deadline)) {
            try (java.sql.Connection db = topology.database();
                 PreparedStatement count = db.prepareStatement(
                         "select count(*) from family_flags where receipt_id = any(?::uuid[])")) {
                count.setArray(1, uuids(db, receipts));
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    processed = row.getLong(1);
                }
            }
            if (processed == receipts.size()) {
                return Duration.between(started, Instant.now());
            }
            ChildProcess.pause(Duration.ofMillis(500));
        }
        throw new AssertionError("only " + processed + " of " + receipts.size() + " accepted flags processed within " + timeout);
    }

    /** Each receipt: received once, shared once (its policy outcome), in its family's history once. */
    void assertEachProcessedExactlyOnce(Collection<String> receipts) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (java.sql.Connection db = topology.database();
             PreparedStatement query = db.prepareStatement("""
                     select r.receipt,
                            (select count(*) from audit_records a where a.receipt_id = r.receipt and a.decision = 'received'),
                            (select count(*) from audit_records a where a.receipt_id = r.receipt and a.decision = 'shared'),
                            (select count(*) from family_flags f where f.receipt_id = r.receipt),
                            (select count(*) from pipeline_ledger l where l.receipt_id = r.receipt)
                       from unnest(?::uuid[]) as r(receipt)
                     """)) {
            query.setArray(1, uuids(db, receipts));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    if (row.getInt(2) != 1 || row.getInt(3) != 1 || row.getInt(4) != 1 || row.getInt(5) != 1) {
                        wrong.add(row.getString(1) + " received=" + row.getInt(2) + " shared=" + row.getInt(3)
                                + " history=" + row.getInt(4) + " ledger=" + row.getInt(5));
                    }
                }
            }
        }
        assertThat(wrong).as("accepted flags not processed exactly once").isEmpty();
    }

    /** Alerting families: one alert, open, raised once. Quiet families: none. */
    void assertOneOpenAlertPerQualifyingFamily(Collection<SyntheticFamily> families) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (java.sql.Connection db = topology.database();
             PreparedStatement query = db.prepareStatement("""
                     select m.family_id,
                            (select count(*) from alerts a where a.family_id = m.family_id and a.status = 'open'),
                            (select count(*) from alerts a where a.family_id = m.family_id),
                            (select count(*) from audit_records r where r.decision = 'alert-raised'
                                and r.detail->>'familyId' = m.family_id::text)
                       from person_identifiers i join family_members m on m.person_id = i.person_id
                      where i.identifier_type = 'upn' and i.identifier_value = ?
                     """)) {
            for (SyntheticFamily family : families) {
                query.setString(1, family.pupilUpn);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        wrong.add(family.surname + ": no family for the pupil");
                        continue;
                    }
                    int expected = family.alerting ? 1 : 0;
                    if (row.getInt(2) != expected || row.getInt(3) != expected || row.getInt(4) != expected) {
                        wrong.add(family.surname + (family.alerting ? " (alerting)" : " (quiet)") + ": open="
                                + row.getInt(2) + " alerts=" + row.getInt(3) + " raised=" + row.getInt(4));
                    }
                }
            }
        }
        assertThat(wrong).as("families whose alerts are wrong").isEmpty();
    }

    /** The same person (name and date of birth, within the test's made-up surnames) exists once. */
    void assertNoDuplicatePersons() throws SQLException {
        List<String> duplicated = new ArrayList<>();
        try (java.sql.Connection db = topology.database();
             PreparedStatement query = db.prepareStatement("""
                     select family_name, given_name, date_of_birth, count(*) from persons
                      where family_name like 'Sys%' group by 1, 2, 3 having count(*) > 1
                     """);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                duplicated.add(row.getString(2) + " " + row.getString(1) + " x" + row.getInt(4));
            }
        }
        assertThat(duplicated).as("persons created twice").isEmpty();
    }

    /**
     * Every alert version the audit says was raised or updated is on the locality team's queue exactly
     * once, and nothing else is: no version lost in a crash, none published twice.
     */
    void assertEachAlertVersionPublishedOnce() throws Exception {
        Map<String, Integer> audited = new HashMap<>();
        try (java.sql.Connection db = topology.database();
             PreparedStatement query = db.prepareStatement("""
                     select detail->>'alertId', detail->>'version' from audit_records
                      where decision in ('alert-raised', 'alert-updated')
                     """);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                audited.merge(row.getString(1) + ":" + row.getString(2), 1, Integer::sum);
            }
        }
        Map<String, Integer> published = new HashMap<>();
        for (String queue : List.of("alerts.locality.runcorn-north", "alerts.triage")) {
            readAll(queue).forEach(id -> published.merge(id, 1, Integer::sum));
        }
        assertThat(audited.values()).as("alert versions audited twice").allMatch(count -> count == 1);
        assertThat(published).as("alert versions on the locality queue, each once").isEqualTo(audited);
    }

    /**
     * Every message on the queue, read in a transaction that is then rolled back so they stay for the team.
     * (A JMS QueueBrowser was tried first: after a broker restart it ended its enumeration early.)
     */
    private List<String> readAll(String queue) throws Exception {
        String url = "tcp://localhost:" + topology.brokerPort() + "?sslEnabled=true;trustStoreType=PKCS12;trustStorePath="
                + topology.pki.resolve("truststore.p12") + ";trustStorePassword="
                + Files.readString(topology.pki.resolve("keystore-password")).strip();
        List<String> ids = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, Topology.BROKER_USER,
                topology.brokerPassword());
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            for (Message message = consumer.receive(1000); message != null; message = consumer.receive(1000)) {
                ids.add(message.getStringProperty("alertId") + ":" + message.getObjectProperty("alertVersion"));
            }
            session.rollback();
        }
        return ids;
    }

    /** The audit chain and its signed checkpoints, through the IG officer's API on one gateway. */
    void assertAuditVerifies(Topology.Gateway gateway) throws Exception {
        var response = topology.https.get(gateway.httpsPort(), "/api/v1/audit/verification",
                "ig-officer:ig-officer-demo");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verification = SyntheticFamily.JSON.readTree(response.body());
        assertThat(verification.get("intact").asBoolean()).as(response.body()).isTrue();
    }

    /** The same, from the command line an operator would use: {@code java -jar gateway.jar --verify-audit}. */
    String verifyAuditFromTheCommandLine() throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = topology.logs().resolve("verify-audit.log");
        Process verify = new ProcessBuilder(javaCommand, "-jar", System.getProperty("gateway.jar"), "--verify-audit",
                "--spring.datasource.url=" + topology.jdbcUrl(), "--spring.datasource.username=postgres")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).as("verify-audit finished").isTrue();
        String output = Files.readString(log);
        assertThat(verify.exitValue()).as(output).isZero();
        return output.lines().filter(line -> line.startsWith("audit ")).findFirst().orElse(output);
    }

    private static Array uuids(java.sql.Connection db, Collection<String> receipts) throws SQLException {
        return db.createArrayOf("uuid", receipts.toArray());
    }
}
