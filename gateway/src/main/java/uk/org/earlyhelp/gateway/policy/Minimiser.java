package uk.org.earlyhelp.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Data minimisation by allow-list: every field of the subjects and details that the agreement does not
 * name is removed before the flag is stored or queued anywhere. The envelope (source message id, flag
 * type, date) is structural and always kept.
 */
public final class Minimiser {

    private Minimiser() {
    }

    /** @param droppedFields the paths removed, e.g. {@code details.narrative}: names only, never values */
    public record Minimised(ObjectNode document, List<String> droppedFields) {
    }

    public static Minimised apply(JsonNode document, Set<String> keep) {
        ObjectNode copy = document.deepCopy();
        Set<String> dropped = new TreeSet<>();
        for (JsonNode subject : copy.path("subjects")) {
            retainAllowed((ObjectNode) subject, "subjects.", keep, dropped);
        }
        if (copy.get("details") instanceof ObjectNode details) {
            retainAllowed(details, "details.", keep, dropped);
        }
        return new Minimised(copy, new ArrayList<>(dropped));
    }

    private static void retainAllowed(ObjectNode node, String prefix, Set<String> keep, Set<String> dropped) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            if (field.getValue() instanceof ObjectNode nested && keepsAnythingUnder(path, keep)) {
                retainAllowed(nested, path + ".", keep, dropped);
                if (nested.isEmpty()) {
                    fields.remove();
                }
            } else if (!keep.contains(path)) {
                dropped.add(path);
                fields.remove();
            }
        }
    }

    private static boolean keepsAnythingUnder(String path, Set<String> keep) {
        String prefix = path + ".";
        return keep.stream().anyMatch(allowed -> allowed.startsWith(prefix));
    }
}
