package uk.org.earlyhelp.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import uk.org.earlyhelp.gateway.audit.AuditVerifyCommand;

/** The Early Help Gateway: intake channels, the pipeline, the audit trail and their APIs. */
@SpringBootApplication(scanBasePackages = {"uk.org.earlyhelp.gateway", "uk.org.earlyhelp.routes"})
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        if (AuditVerifyCommand.requested(args)) {
            System.exit(AuditVerifyCommand.run(System.out, args));
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
