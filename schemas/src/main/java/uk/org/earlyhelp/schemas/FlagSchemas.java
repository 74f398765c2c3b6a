package uk.org.earlyhelp.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import com.networknt.schema.resource.SchemaLoader;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates flags and alerts against the published contract: the JSON Schemas under
 * {@code contract/} on the classpath, plus the checks a schema cannot express (NHS number and UPN
 * check characters, attendance arithmetic, dates of birth not in the future).
 *
 * <p>Instances are immutable and thread-safe; load once and share.
 */
public final class FlagSchemas {

    /** The {@code $id} prefix of every contract schema; mapped to the classpath so nothing is fetched. */
    static final String ID_PREFIX = "https://schemas.earlyhelp.org.uk/contract/";
    static final String CLASSPATH_PREFIX = "classpath:contract/";

    /** The flag types, in the order a sender's documentation lists them. */
    private static final List<String> FLAG_TYPES = List.of(
            "school-exclusion",
            "school-attendance",
            "health-visiting-concern",
            "police-notification",
            "adult-services-notification");

    /** Dates of birth are compared with today's date where the families live. */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static final Comparator<FieldError> ERROR_ORDER =
            Comparator.comparing(FieldError::field, JsonPointers.ORDER).thenComparing(FieldError::problem);

    /**
     * The contract must resolve offline: a gateway that fetched schemas at run time could be made to
     * validate against someone else's contract, or stall. Any http(s) reference that is not mapped to
     * the classpath fails loudly instead of going to the network.
     */
    private static final SchemaLoader REFUSE_REMOTE = iri -> {
        String scheme = iri.getScheme();
        if ("http".equals(scheme) || "https".equals(scheme)) {
            return () -> {
                throw new IOException("the contract resolves offline; " + iri + " is not on the classpath");
            };
        }
        return null;
    };

    private final Map<String, JsonSchema> flagSchemas;
    private final JsonSchema alertSchema;
    private final JsonSchema agreementSchema;
    private final Clock clock;

    private FlagSchemas(Clock clock) {
        this.clock = clock;
        JsonSchemaFactory factory = contractFactory();
        SchemaValidatorsConfig config = contractConfig();
        Map<String, JsonSchema> byType = new LinkedHashMap<>();
        for (String flagType : FLAG_TYPES) {
            byType.put(flagType, load(factory, config, "flags/" + flagType + ".schema.json"));
        }
        this.flagSchemas = Collections.unmodifiableMap(byType);
        this.alertSchema = load(factory, config, "alert.schema.json");
        this.agreementSchema = load(factory, config, "agreements/agreement.schema.json");
    }

    /**
     * The shared instance, loaded from the classpath on first use. Loading resolves every {@code $ref}
     * up front, so a broken contract fails at start-up rather than on the first flag of that type.
     */
    public static FlagSchemas load() {
        return Shared.INSTANCE;
    }

    /**
     * A new instance whose "today" comes from {@code clock} (in the clock's zone; use Europe/London),
     * for tests that pin the date.
     */
    public static FlagSchemas load(Clock clock) {
        return new FlagSchemas(clock);
    }

    /** The known flag types, e.g. {@code school-exclusion}; each has a schema. */
    public Set<String> flagTypes() {
        return flagSchemas.keySet();
    }

    /**
     * Every problem with a flag, sorted by field; empty when the flag is valid. A missing or unknown
     * {@code flagType} gives a single error on {@code /flagType}, since without it there is no schema
     * to check the rest against.
     */
    public List<FieldError> validate(JsonNode flag) {
        if (flag == null || !flag.isObject()) {
            return List.of(new FieldError("", "must be a JSON object (a flag document)"));
        }
        JsonNode flagType = flag.get("flagType");
        JsonSchema schema = flagType != null && flagType.isTextual() ? flagSchemas.get(flagType.textValue()) : null;
        if (schema == null) {
            return List.of(new FieldError("/flagType", (flagType == null ? "is required" : "is not a known flag type")
                    + "; must be one of: " + String.join(", ", FLAG_TYPES)));
        }
        Collection<FieldError> errors = schemaErrors(schema, flag, true);
        SemanticChecks.check(flag, LocalDate.now(clock), errors);
        return List.copyOf(errors);
    }

    /** Every problem with an alert, sorted by field; empty when the alert is valid. */
    /** Validates one information-sharing agreement document (read from YAML) against its schema. */
    public List<FieldError> validateAgreement(JsonNode agreement) {
        if (agreement == null || !agreement.isObject()) {
            return List.of(new FieldError("", "must be a mapping (an agreement document)"));
        }
        return List.copyOf(schemaErrors(agreementSchema, agreement, false));
    }

    public List<FieldError> validateAlert(JsonNode alert) {
        if (alert == null || !alert.isObject()) {
            return List.of(new FieldError("", "must be a JSON object (an alert document)"));
        }
        return List.copyOf(schemaErrors(alertSchema, alert, false));
    }

    /** Resolves the contract's {@code $id}s from the classpath and nothing from the network. */
    static JsonSchemaFactory contractFactory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX))
                .schemaLoaders(loaders -> loaders
                        // Our own class loader, not the thread's context loader, which differs in app servers.
                        .add(new ClasspathSchemaLoader(FlagSchemas.class::getClassLoader))
                        .add(REFUSE_REMOTE)));
    }

    static SchemaValidatorsConfig contractConfig() {
        return SchemaValidatorsConfig.builder()
                // In draft 2020-12 "format" only annotates unless assertions are switched on.
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
    }

    private static Collection<FieldError> schemaErrors(JsonSchema schema, JsonNode document, boolean flagDocument) {
        // A sorted set: errors ordered by field, and one line where two keywords say the same thing.
        TreeSet<FieldError> errors = new TreeSet<>(ERROR_ORDER);
        // The library's debug tracing prints whole documents; it is off by default and is kept off here.
        for (ValidationMessage message : schema.validate(document, context -> context.getExecutionConfig().setDebugEnabled(false))) {
            errors.add(SchemaErrors.toFieldError(message, flagDocument));
        }
        return errors;
    }

    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String path) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(ID_PREFIX + path), config);
        // Validators (and the schemas behind $refs) are otherwise built lazily on first use, from
        // whichever thread gets there first; building them now keeps validation read-only.
        schema.initializeValidators();
        return schema;
    }

    /** Holder idiom: the JVM loads the shared instance once, on first use, without locking afterwards. */
    private static final class Shared {
        static final FlagSchemas INSTANCE = new FlagSchemas(Clock.system(UK));
    }
}
