package uk.org.earlyhelp.gateway.embedded;

import java.io.PrintStream;
import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar gateway.jar --prepare-development-pki}: creates the development PKI (CA, server
 * certificate, one client certificate per configured agency and locality team) under
 * {@code gateway.pki.directory} and exits, starting nothing else. For a topology whose other parts need the
 * certificates before any gateway starts: an external broker's TLS listener, or several gateways sharing
 * one directory (the PKI is not created by two processes at once). Existing files are reused, as on start.
 */
public final class DevelopmentPkiCommand {

    public static final String ARGUMENT = "--prepare-development-pki";

    private DevelopmentPkiCommand() {
    }

    public static boolean requested(String... args) {
        return Arrays.asList(args).contains(ARGUMENT);
    }

    /** Prepares the PKI (the environment post-processor does it, exactly as on a gateway's start); returns the exit status. */
    public static int run(PrintStream out, String... args) {
        String[] springArgs = Arrays.stream(args).filter(arg -> !ARGUMENT.equals(arg)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NothingElse.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(springArgs)) {
            if (!context.getEnvironment().getProperty("gateway.pki.development.enabled", Boolean.class, false)) {
                out.println("no development PKI in this profile (gateway.pki.development.enabled is false)");
                return 2;
            }
            out.println("development PKI ready in " + context.getEnvironment().getProperty("gateway.pki.directory"));
            return 0;
        }
    }

    /** Deliberately empty and without a stereotype: only the environment is prepared. */
    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }
}
