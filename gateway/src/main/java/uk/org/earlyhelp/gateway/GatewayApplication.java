package uk.org.earlyhelp.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import uk.org.earlyhelp.gateway.audit.AuditVerifyCommand;
import uk.org.earlyhelp.gateway.embedded.DevelopmentPkiCommand;
import uk.org.earlyhelp.gateway.matching.WeightEstimationCommand;

/** The Early Help Gateway: intake channels, the pipeline, the audit trail and their APIs. */
@SpringBootApplication(scanBasePackages = {"uk.org.earlyhelp.gateway", "uk.org.earlyhelp.routes"})
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        if (AuditVerifyCommand.requested(args)) {
            System.exit(AuditVerifyCommand.run(System.out, args));
        }
        if (WeightEstimationCommand.requested(args)) {
            System.exit(WeightEstimationCommand.run(System.out, args));
        }
        if (DevelopmentPkiCommand.requested(args)) {
            System.exit(DevelopmentPkiCommand.run(System.out, args));
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
