package uk.org.earlyhelp.gateway.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import uk.org.earlyhelp.gateway.agency.ConfiguredAgency;
import uk.org.earlyhelp.gateway.alerting.AlertingSettings;
import uk.org.earlyhelp.gateway.pki.ClientCertificateSpec;
import uk.org.earlyhelp.gateway.pki.DevelopmentPki;

/**
 * Prepares the embedded run before any bean exists, because the web server reads its keystores while
 * the context starts: creates the development PKI (CA, server certificate, one client certificate per
 * configured agency and per locality team) and hands the keystore password to the TLS settings. Also lets an external broker
 * URL alone switch the embedded broker off (connections go to the URL, and no embedded server starts).
 */
public class EmbeddedModeEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final String PASSWORD_FILE = "keystore-password";

    /** Locality teams' certificates sit beside the agencies', named team-<locality id>. */
    public static final String TEAM_PREFIX = "team-";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        if (environment.containsProperty("spring.artemis.broker-url")) {
            if (!environment.containsProperty("spring.artemis.mode")) {
                derived.put("spring.artemis.mode", "native");
            }
            // Spring Boot starts its embedded server whenever Artemis is on the class path, whatever the mode.
            if (!environment.containsProperty("spring.artemis.embedded.enabled")) {
                derived.put("spring.artemis.embedded.enabled", "false");
            }
        }
        if (environment.getProperty("gateway.pki.development.enabled", Boolean.class, false)) {
            Path directory = Path.of(environment.getRequiredProperty("gateway.pki.directory"));
            String password = developmentPassword(directory);
            List<ConfiguredAgency> agencies = Binder.get(environment)
                    .bind("gateway.agencies", Bindable.listOf(ConfiguredAgency.class)).orElse(List.of());
            List<String> hostnames = Binder.get(environment)
                    .bind("gateway.pki.server-hostnames", Bindable.listOf(String.class)).orElse(List.of("localhost"));
            List<AlertingSettings.Locality> localities = Binder.get(environment)
                    .bind("gateway.alerting.localities", Bindable.listOf(AlertingSettings.Locality.class))
                    .orElse(List.of());
            List<ClientCertificateSpec> clients = new ArrayList<>();
            agencies.forEach(agency -> clients.add(new ClientCertificateSpec(agency.id(), agency.certificateSubject())));
            localities.stream().filter(locality -> locality.certificateSubject() != null).forEach(locality ->
                    clients.add(new ClientCertificateSpec(TEAM_PREFIX + locality.id(), locality.certificateSubject())));
            DevelopmentPki.ensure(directory, password.toCharArray(), hostnames, clients);
            derived.put("gateway.pki.password", password);
        }
        if (!derived.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("gateway-embedded-mode", derived));
        }
    }

    /** A random password made once per development PKI and kept beside it, never in configuration. */
    private static String developmentPassword(Path directory) {
        Path file = directory.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            if (Files.exists(directory.resolve("ca.p12"))) {
                throw new IllegalStateException("the development PKI in " + directory
                        + " has a CA but no " + PASSWORD_FILE + "; remove the directory to start afresh");
            }
            Files.createDirectories(directory);
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows file systems: the directory's own permissions protect it.
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the development PKI in " + directory, e);
        }
    }
}
