package uk.org.earlyhelp.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema files themselves: identity, strictness and documentation of the published contract. */
class ContractSchemasTest {

    static Stream<String> schemaFiles() {
        return Examples.list("contract").stream().filter(p -> p.endsWith(".schema.json"));
    }

    static Stream<String> flagTypes() {
        return FlagSchemas.load().flagTypes().stream();
    }

    @Test
    void theContractHasACommonSchemaFiveFlagSchemasAnAlertSchemaAndAnAgreementSchema() {
        assertThat(schemaFiles()).containsExactlyInAnyOrder(
                "contract/agreements/agreement.schema.json",
                "contract/alert.schema.json",
                "contract/flags/common.schema.json",
                "contract/flags/school-exclusion.schema.json",
                "contract/flags/school-attendance.schema.json",
                "contract/flags/health-visiting-concern.schema.json",
                "contract/flags/police-notification.schema.json",
                "contract/flags/adult-services-notification.schema.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void everySchemaIsDraft202012WithAnIdMatchingWhereItIsPublished(String path) {
        JsonNode schema = ContractExamples.parse(path);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("https://schemas.earlyhelp.org.uk/" + path);
        assertThat(schema.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flagTypes")
    void eachFlagSchemaFixesItsFlagTypeAndRequiresTheFiveTopLevelFields(String flagType) {
        JsonNode schema = ContractExamples.parse("contract/flags/" + flagType + ".schema.json");

        assertThat(schema.at("/properties/flagType/const").asText()).isEqualTo(flagType);
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "sourceMessageId", "flagType", "occurredOn", "subjects", "details");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void everyObjectForbidsPropertiesTheContractDoesNotDeclare(String path) {
        List<String> lenient = new ArrayList<>();
        walk(ContractExamples.parse(path), "", (at, node) -> {
            boolean object = "object".equals(node.path("type").asText()) || node.has("properties");
            if (object && !node.path("additionalProperties").isBoolean()) {
                lenient.add(at);
            } else if (object && node.path("additionalProperties").asBoolean()) {
                lenient.add(at);
            }
        });
        assertThat(lenient).as("object schemas without additionalProperties: false").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void everyPropertyOfAFlagIsDescribedForPartnerDevelopers(String path) {
        if (path.endsWith("alert.schema.json")) {
            return; // the alert is read by the gateway's own consumers; its field names speak for themselves
        }
        List<String> undescribed = new ArrayList<>();
        walk(ContractExamples.parse(path), "", (at, node) -> node.path("properties").fields().forEachRemaining(p -> {
            JsonNode property = p.getValue();
            if (!property.has("description") && !property.has("$ref")) {
                undescribed.add(at + "/properties/" + p.getKey());
            }
        }));
        assertThat(undescribed).isEmpty();
    }

    /** Visits every subschema except those under contains and if, which test rather than define objects. */
    private static void walk(JsonNode node, String at, java.util.function.BiConsumer<String, JsonNode> visitor) {
        if (!node.isObject()) {
            return;
        }
        visitor.accept(at, node);
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            String key = field.getKey();
            if (key.equals("contains") || key.equals("if") || key.equals("enum") || key.equals("const")) {
                continue;
            }
            if (key.equals("properties") || key.equals("$defs")) {
                field.getValue().fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + key + "/" + e.getKey(), visitor));
            } else {
                walk(field.getValue(), at + "/" + key, visitor);
            }
        }
    }
}
