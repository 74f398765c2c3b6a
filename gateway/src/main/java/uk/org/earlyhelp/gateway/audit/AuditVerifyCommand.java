package uk.org.earlyhelp.gateway.audit;

import java.io.PrintStream;
import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import uk.org.earlyhelp.gateway.embedded.EmbeddedDatabaseConfiguration;
import uk.org.earlyhelp.gateway.embedded.EmbeddedDatabaseSettings;

/**
 * {@code java -jar gateway.jar --verify-audit}: connects to the database with the gateway's usual
 * settings (the embedded one when no {@code spring.datasource.url} is set), verifies the audit chain and
 * its signed checkpoints with the stored public keys, prints the result and exits 0 when intact, 1 when
 * not (2 when it could not be read at all). Nothing else starts: no broker, no routes, no HTTPS, no migrations, no scheduled jobs.
 */
public final class AuditVerifyCommand {

    public static final String ARGUMENT = "--verify-audit";

    private AuditVerifyCommand() {
    }

    public static boolean requested(String... args) {
        return Arrays.asList(args).contains(ARGUMENT);
    }

    /** Runs the verification and returns the exit status. */
    public static int run(PrintStream out, String... args) {
        String[] springArgs = Arrays.stream(args).filter(arg -> !ARGUMENT.equals(arg)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Verification.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(springArgs)) {
            try {
                return report(context.getBean(AuditChainVerifier.class).verify(), out);
            } catch (DataAccessException e) {
                // Not a verdict either way: no audit tables (a database the gateway never migrated) or no access.
                out.println("audit could not be verified: " + e.getMostSpecificCause().getMessage());
                return 2;
            }
        }
    }

    /** Prints the outcome in one or two lines and returns the exit status. */
    static int report(ChainVerification verification, PrintStream out) {
        if (verification.intact()) {
            out.println("audit intact: " + verification.recordsChecked() + " records, "
                    + verification.checkpointsChecked() + " signed checkpoints, signing keys "
                    + verification.signingKeys());
            return 0;
        }
        out.println("audit NOT intact: " + verification.kind().id() + " at "
                + (verification.firstBrokenSeq() == null ? "" : "seq " + verification.firstBrokenSeq() + ", ")
                + "chain " + verification.chain() + " record " + verification.chainSeq() + ": " + verification.problem());
        out.println("checked " + verification.recordsChecked() + " records and " + verification.checkpointsChecked()
                + " signed checkpoints before it; signing keys " + verification.signingKeys());
        return 1;
    }

    /** Only the database and the verifier (deliberately no stereotype: component scanning must not find it). */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
    @Import({EmbeddedDatabaseConfiguration.class, AuditChainVerifier.class})
    // AuditSettings for the pinned signing keys (gateway.audit.signing.trusted-keys).
    @EnableConfigurationProperties({EmbeddedDatabaseSettings.class, AuditSettings.class})
    static class Verification {
    }
}
