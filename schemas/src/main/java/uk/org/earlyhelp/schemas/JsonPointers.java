package uk.org.earlyhelp.schemas;

import com.networknt.schema.JsonNodePath;
import java.util.Comparator;

/** JSON pointers (RFC 6901) as used in {@link FieldError#field()}. */
final class JsonPointers {

    /**
     * Orders pointers segment by segment, array indexes numerically, so that {@code /subjects/2}
     * comes before {@code /subjects/10}.
     */
    static final Comparator<String> ORDER = JsonPointers::compare;

    private JsonPointers() {
    }

    /** The pointer of an instance location reported by the validator; built from its segments rather than
     *  relying on the library's string form, so escaping is always RFC 6901. */
    static String of(JsonNodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append('/').append(element instanceof Integer ? element.toString() : escape(element.toString()));
        }
        return pointer.toString();
    }

    static String child(String parent, String property) {
        return parent + "/" + escape(property);
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** The last segment, unescaped; {@code ""} for the root. */
    static String lastSegment(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? "" : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    }

    private static int compare(String a, String b) {
        String[] as = a.split("/", -1);
        String[] bs = b.split("/", -1);
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int c = compareSegments(as[i], bs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(as.length, bs.length);
    }

    private static int compareSegments(String a, String b) {
        if (isIndex(a) && isIndex(b)) {
            int c = Integer.compare(a.length(), b.length());
            return c != 0 ? c : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || (segment.length() > 1 && segment.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
