package uk.org.earlyhelp.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of each flag type that an agreement's allow-list can name, read from the published schemas
 * themselves ({@code subjects.<field>}, {@code subjects.address.<field>}, {@code details.<field>}), so an
 * agreement that names a field the contract does not have is caught as the typo it is.
 */
public final class ContractFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractFields() {
    }

    /** @throws IllegalArgumentException for a flag type the contract does not define */
    public static Set<String> minimisablePaths(String flagType) {
        if (!FlagSchemas.load().flagTypes().contains(flagType)) {
            throw new IllegalArgumentException("no flag type '" + flagType + "' in the contract");
        }
        JsonNode common = read("contract/flags/common.schema.json").path("$defs");
        JsonNode flag = read("contract/flags/" + flagType + ".schema.json");
        Set<String> paths = new TreeSet<>();
        for (Iterator<String> names = common.path("subject").path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"address".equals(name)) {
                paths.add("subjects." + name);
            }
        }
        common.path("address").path("properties").fieldNames()
                .forEachRemaining(name -> paths.add("subjects.address." + name));
        flag.path("properties").path("details").path("properties").fieldNames()
                .forEachRemaining(name -> paths.add("details." + name));
        return paths;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ContractFields.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the contract lacks " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
