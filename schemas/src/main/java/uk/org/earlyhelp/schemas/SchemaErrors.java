package uk.org.earlyhelp.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the validator's messages into {@link FieldError}s a partner developer can act on.
 *
 * <p>The library's own message text is never passed through: some of its messages carry the
 * offending value in their arguments (the {@code format} keyword does), and values may be personal
 * data. Every problem here is written from the keyword and the schema alone.
 */
final class SchemaErrors {

    /** For an unexpected top-level property in a flag: senders try {@code source} or {@code agencyId}. */
    static final String IDENTIFIED_BY_CERTIFICATE =
            "property not allowed; the sending agency is identified by its certificate, not by the payload";

    /** Pattern failures explained by the field they guard, where a regex alone would puzzle a sender. */
    private static final Map<String, String> PATTERN_PROBLEMS = Map.of(
            "nhsNumber", "must be exactly 10 digits, no spaces",
            "upn", "must be 13 characters: a check letter, 11 digits, then a digit (or a letter for a temporary UPN)",
            "postcode", "is not a UK postcode (for example WA7 1AB)",
            "uprn", "must be 1 to 12 digits",
            "sourceMessageId", "may contain only letters, digits and . _ : / -",
            "locality", "may contain only letters, digits and . _ -");

    /** Properties required only under an if/then, with the condition that makes them required. */
    private static final Map<String, String> CONDITIONS = Map.of(
            "schoolDays", "is required when kind is suspension");

    private SchemaErrors() {
    }

    static FieldError toFieldError(ValidationMessage message, boolean flagDocument) {
        String at = JsonPointers.of(message.getInstanceLocation());
        JsonNode schema = message.getSchemaNode();
        String keyword = message.getType();
        switch (keyword) {
            case "required": {
                // The library reports the parent object; a sender wants the missing field named.
                String property = message.getProperty();
                String field = JsonPointers.child(at, property);
                boolean conditional = message.getEvaluationPath().toString().contains("/then/");
                return new FieldError(field, conditional
                        ? CONDITIONS.getOrDefault(property, "is required here, given the other fields")
                        : "is required");
            }
            case "additionalProperties":
            case "unevaluatedProperties": {
                String field = JsonPointers.child(at, message.getProperty());
                return new FieldError(field, flagDocument && at.isEmpty()
                        ? IDENTIFIED_BY_CERTIFICATE
                        : "property not allowed");
            }
            case "type":
                return new FieldError(at, "must be " + typeName(schema));
            case "enum":
                return new FieldError(at, "must be one of: " + join(schema));
            case "const":
                return new FieldError(at, "must be " + schema.toString());
            case "pattern":
                return new FieldError(at, PATTERN_PROBLEMS.getOrDefault(JsonPointers.lastSegment(at),
                        "does not match the pattern " + schema.asText()));
            case "format":
                return new FieldError(at, formatProblem(schema.asText()));
            case "minLength":
                return new FieldError(at, schema.asInt() == 1
                        ? "must not be empty"
                        : "must be at least " + schema.asText() + " characters long");
            case "maxLength":
                return new FieldError(at, "must be at most " + schema.asText() + " characters long");
            case "minimum":
                return new FieldError(at, "must be at least " + schema.asText());
            case "maximum":
                return new FieldError(at, "must be at most " + schema.asText());
            case "exclusiveMinimum":
                return new FieldError(at, "must be more than " + schema.asText());
            case "exclusiveMaximum":
                return new FieldError(at, "must be less than " + schema.asText());
            case "minItems":
                return new FieldError(at, "must have at least " + schema.asText() + " "
                        + (schema.asInt() == 1 ? "entry" : "entries"));
            case "maxItems":
                return new FieldError(at, "must have at most " + schema.asText() + " entries");
            case "contains":
            case "minContains":
                return new FieldError(at, "subjects".equals(JsonPointers.lastSegment(at))
                        ? "must include at least one subject with role child"
                        : "must contain at least one entry of the required kind");
            default:
                return new FieldError(at, "does not satisfy the schema keyword " + keyword);
        }
    }

    private static String formatProblem(String format) {
        switch (format) {
            case "date":
                return "must be a real calendar date written yyyy-mm-dd";
            case "date-time":
                return "must be an RFC 3339 date-time with a time zone, e.g. 2026-10-03T22:40:00+01:00";
            case "uuid":
                return "must be a UUID, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e";
            default:
                return "is not a valid " + format;
        }
    }

    private static String typeName(JsonNode schemaType) {
        List<String> names = new ArrayList<>();
        if (schemaType.isArray()) {
            schemaType.forEach(t -> names.add(typeName(t.asText())));
        } else {
            names.add(typeName(schemaType.asText()));
        }
        return String.join(" or ", names);
    }

    private static String typeName(String type) {
        switch (type) {
            case "string":
                return "a string";
            case "integer":
                return "a whole number";
            case "number":
                return "a number";
            case "boolean":
                return "true or false";
            case "object":
                return "an object";
            case "array":
                return "an array";
            default:
                return type;
        }
    }

    private static String join(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.isTextual() ? v.textValue() : v.toString()));
        return String.join(", ", texts);
    }
}
