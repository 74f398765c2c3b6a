package uk.org.earlyhelp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/** The jar's {@code --verify-audit} mode, pointed at the running gateway's database as an external one. */
class AuditVerifyCommandIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theVerifyCommandReportsAnIntactAuditAndExitsZero() throws Exception {
        String receipt = submit("greenfield-primary", TestFlags.schoolSuspension(new TestFamily()));
        awaitDecision(receipt, "family-linked");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = AuditVerifyCommand.run(new PrintStream(printed, true, StandardCharsets.UTF_8), "--verify-audit",
                "--spring.datasource.url=" + dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.main.banner-mode=off");

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("audit intact");
        assertThat(status).isZero();
    }
}
