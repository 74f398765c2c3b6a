package uk.org.earlyhelp.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The example documents discovered on the classpath, so adding a file adds a test case. */
final class ContractExamples {

    static final ObjectMapper JSON = new ObjectMapper();

    private ContractExamples() {
    }

    static Stream<String> valid() {
        return Examples.list(Examples.ROOT).stream().filter(p -> fileName(p).startsWith("valid-") && p.endsWith(".json"));
    }

    static Stream<String> invalid() {
        return Examples.list(Examples.ROOT).stream().filter(p -> fileName(p).startsWith("invalid-") && p.endsWith(".json"));
    }

    /** The folder an example sits in: a flag type, or {@code alert}. */
    static String kind(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 2];
    }

    static boolean isAlert(String path) {
        return "alert".equals(kind(path));
    }

    static JsonNode parse(String path) {
        try {
            return JSON.readTree(Examples.read(path));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example " + path + " is not JSON", e);
        }
    }

    /** The pointers an invalid example's {@code .errors} sidecar says must be named; # starts a comment. */
    static List<String> expectedFields(String examplePath) {
        String sidecar = examplePath.substring(0, examplePath.length() - ".json".length()) + ".errors";
        return Arrays.stream(Examples.read(sidecar).split("\\R"))
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
