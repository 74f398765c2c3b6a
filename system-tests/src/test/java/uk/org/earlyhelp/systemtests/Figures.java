package uk.org.earlyhelp.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/** The figures a run measures (times, counts), printed and kept in {@code target/system-test/figures.txt}. */
final class Figures {

    private final Path file;

    Figures(Path file) {
        this.file = file;
    }

    void add(String what, Duration took) {
        add(what, String.format("%.1f s", took.toMillis() / 1000.0));
    }

    synchronized void add(String what, Object value) {
        String line = String.format("%-60s %s", what, value);
        System.out.println("[figures] " + line);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
    }
}
