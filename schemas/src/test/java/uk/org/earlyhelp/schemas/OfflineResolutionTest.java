package uk.org.earlyhelp.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import org.junit.jupiter.api.Test;

/** The contract is resolved from the classpath; validation never depends on reaching a web server. */
class OfflineResolutionTest {

    @Test
    void contractIdsResolveFromTheClasspath() throws Exception {
        JsonSchema schema = FlagSchemas.contractFactory().getSchema(
                SchemaLocation.of("https://schemas.earlyhelp.org.uk/contract/flags/police-notification.schema.json"),
                FlagSchemas.contractConfig());
        schema.initializeValidators();

        assertThat(schema.validate(ContractExamples.parse("contract/examples/police-notification/valid-domestic-abuse.json")))
                .isEmpty();
    }

    @Test
    void aSchemaOutsideTheContractIsNeverFetchedFromTheNetwork() {
        assertThatThrownBy(() -> FlagSchemas.contractFactory()
                .getSchema(SchemaLocation.of("https://schemas.earlyhelp.org.uk/elsewhere/flag.schema.json"),
                        FlagSchemas.contractConfig())
                .initializeValidators())
                .hasStackTraceContaining("resolves offline");
    }
}
