package uk.org.earlyhelp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.gateway.support.TestIdentifiers;
import uk.org.earlyhelp.routes.model.AgencyKind;
import uk.org.earlyhelp.schemas.ContractFields;

/**
 * Minimisation as a property: for every flag type, random values put in every field its agreement does
 * not allow, and random extra fields, never reach the database (any table), any queue, any alert or the
 * application log. The seed is printed so a failure can be replayed.
 */
@ExtendWith(OutputCaptureExtension.class)
class MinimisationPropertyIntegrationTest extends GatewayIntegrationTest {

    private static final int ROUNDS = 3;

    /** Each flag type with the agency that sends it and a valid flag to start from. */
    private record Sender(String agencyId, AgencyKind kind, Function<TestFamily, ObjectNode> flag) {
    }

    private static final List<Sender> SENDERS = List.of(
            new Sender("greenfield-primary", AgencyKind.SCHOOL, TestFlags::schoolSuspension),
            new Sender("greenfield-primary", AgencyKind.SCHOOL, family -> TestFlags.schoolAttendance(family, 70, 20)),
            new Sender("riverside-health-visiting", AgencyKind.HEALTH_VISITING,
                    family -> TestFlags.healthVisitingConcern(family, "home-conditions", "high")),
            new Sender("county-police", AgencyKind.POLICE, family -> TestFlags.policeDomesticAbuse(family, true)),
            new Sender("riverside-adult-services", AgencyKind.ADULT_SERVICES,
                    family -> TestFlags.adultServicesNotification(family, "parental-substance-misuse", "medium")));

    @Autowired
    SharingAgreements agreements;

    @Test
    void disallowedAndExtraFieldsNeverReachTheDatabaseAQueueAnAlertOrTheLog(CapturedOutput log) throws Exception {
        long seed = System.nanoTime();
        System.out.println("minimisation property seed " + seed);
        Random random = new Random(seed);
        List<String> markers = new ArrayList<>();
        List<String> receipts = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            for (Sender sender : SENDERS) {
                ObjectNode flag = sender.flag().apply(new TestFamily());
                String flagType = flag.get("flagType").asText();
                Set<String> dropped = new TreeSet<>(ContractFields.minimisablePaths(flagType));
                dropped.removeAll(agreements.ruleFor(sender.kind(), flagType).orElseThrow().rule().keep());
                for (String path : dropped) {
                    fill(flag, path, random, markers);
                }
                receipts.add(submit(sender.agencyId(), flag));

                ObjectNode withExtra = sender.flag().apply(new TestFamily());
                String extra = marker(random, markers);
                JsonNode target = List.of(withExtra, withExtra.get("details"), withExtra.get("subjects").get(0))
                        .get(random.nextInt(3));
                ((ObjectNode) target).put("x" + Math.abs(random.nextInt()), extra);
                HttpResponse<String> refused = agency(sender.agencyId()).postJson("/api/v1/flags", withExtra.toString());
                assertThat(refused.statusCode()).as("extra fields are refused").isEqualTo(400);
            }
        }
        for (String receipt : receipts) {
            await().atMost(PIPELINE_TIMEOUT).until(() -> !Collections.disjoint(decisionsFor(receipt),
                    List.of("family-linked", "pending-consent", "withheld")));
        }

        String everything = databaseText() + queueText() + log.getAll();
        assertThat(markers).isNotEmpty().allSatisfy(marker -> assertThat(everything).doesNotContain(marker));
    }

    /** Puts a random, schema-valid value into one field the agreement drops. */
    private static void fill(ObjectNode flag, String path, Random random, List<String> markers) {
        String[] parts = path.split("\\.");
        if (parts[0].equals("details")) {
            if (parts[1].equals("narrative") || parts[1].equals("location")) {
                ((ObjectNode) flag.get("details")).put(parts[1], marker(random, markers));
            }
            return;
        }
        for (JsonNode subject : flag.get("subjects")) {
            ObjectNode target = parts.length == 3 ? (ObjectNode) subject.get("address") : (ObjectNode) subject;
            String field = parts[parts.length - 1];
            switch (field) {
                case "line2", "town" -> target.put(field, marker(random, markers));
                case "upn" -> target.put(field, remember(TestIdentifiers.upn(), markers));
                case "nhsNumber" -> target.put(field, remember(TestIdentifiers.nhsNumber(), markers));
                default -> {
                    // enums and dates cannot carry a unique marker; the unit tests cover their removal
                }
            }
        }
    }

    private static String marker(Random random, List<String> markers) {
        return remember("Marker" + Long.toString(Math.abs(random.nextLong()), 36), markers);
    }

    private static String remember(String value, List<String> markers) {
        markers.add(value);
        return value;
    }

    private String databaseText() {
        StringBuilder text = new StringBuilder();
        for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'",
                String.class)) {
            jdbc.queryForList("select t::text from " + table + " t", String.class).forEach(text::append);
        }
        return text.toString();
    }

    private String queueText() {
        StringBuilder text = new StringBuilder();
        for (String queue : List.of("alerts.locality.runcorn-north", "alerts.triage", "flags.dead-letter",
                "flags.received")) {
            jms.browse(queue, (session, browser) -> {
                for (var messages = browser.getEnumeration(); messages.hasMoreElements(); ) {
                    if (messages.nextElement() instanceof TextMessage message) {
                        text.append(message.getText());
                    }
                }
                return null;
            });
        }
        return text.toString();
    }
}
