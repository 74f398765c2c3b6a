package uk.org.earlyhelp.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The contract's example documents, for tests in this and other modules. The examples are fictional
 * (names, addresses, NHS numbers in the 999 test range, UPNs) but pass every check the gateway applies,
 * so end-to-end tests can send them as they are.
 */
public final class Examples {

    /** Where the examples live on the classpath. */
    public static final String ROOT = "contract/examples";

    private Examples() {
    }

    /**
     * The UTF-8 text of a classpath resource, e.g.
     * {@code "contract/examples/school-exclusion/valid-suspension.json"}.
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    public static String read(String classpathPath) {
        try (InputStream in = classLoader().getResourceAsStream(strip(classpathPath))) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + classpathPath);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read classpath resource " + classpathPath, e);
        }
    }

    /**
     * Every file under a classpath folder (recursively), as classpath paths usable with
     * {@link #read(String)}, sorted. Works whether the folder is a directory (this module's tests) or
     * inside the schemas jar (other modules' tests), so a new example file is picked up without code.
     *
     * @throws IllegalArgumentException when there is no such folder
     */
    public static List<String> list(String classpathFolder) {
        String folder = strip(classpathFolder);
        URL url = classLoader().getResource(folder);
        if (url == null) {
            throw new IllegalArgumentException("no classpath folder " + classpathFolder);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar = jarFileSystem(uri);
                return list(jar.getPath(folder), folder);
            }
            return list(Path.of(uri), folder);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("unusable classpath location for " + classpathFolder, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list classpath folder " + classpathFolder, e);
        }
    }

    private static List<String> list(Path base, String folder) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder + "/" + base.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Another caller opened it first; jar file systems are shared per jar, so reuse it.
            return FileSystems.getFileSystem(uri);
        }
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static ClassLoader classLoader() {
        return Examples.class.getClassLoader();
    }
}
