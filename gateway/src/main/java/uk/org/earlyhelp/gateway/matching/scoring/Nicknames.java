package uk.org.earlyhelp.gateway.matching.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import uk.org.earlyhelp.gateway.matching.Normalise;

/**
 * Groups of given names that are the same person's name (William, Bill, Will). Read from a resource so that
 * the list can grow without code; one group a line, comma-separated, {@code #} comments. A name may be in
 * several groups (Alex: Alexander and Alexandra), so two names match when they share any group.
 */
public final class Nicknames {

    public static final String RESOURCE = "/matching/nicknames.txt";

    private final Map<String, Set<Integer>> groupsOf;

    private Nicknames(Map<String, Set<Integer>> groupsOf) {
        this.groupsOf = groupsOf;
    }

    public static Nicknames load() {
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Nicknames read(BufferedReader reader) throws IOException {
        Map<String, Set<Integer>> groupsOf = new HashMap<>();
        int group = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String content = line.replaceAll("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String name : content.split(",")) {
                String normal = Normalise.name(name);
                if (!normal.isEmpty()) {
                    groupsOf.computeIfAbsent(normal, n -> new HashSet<>()).add(group);
                }
            }
            group++;
        }
        return new Nicknames(groupsOf);
    }

    /** Whether two normalised given names are in one group (false for names in no group). */
    public boolean related(String a, String b) {
        Set<Integer> ga = groupsOf.get(a);
        Set<Integer> gb = groupsOf.get(b);
        if (ga == null || gb == null) {
            return false;
        }
        for (Integer g : ga) {
            if (gb.contains(g)) {
                return true;
            }
        }
        return false;
    }
}
