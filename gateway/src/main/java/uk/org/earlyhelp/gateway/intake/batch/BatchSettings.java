package uk.org.earlyhelp.gateway.intake.batch;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Schools' CSV batches ({@code gateway.batches}).
 *
 * @param inboxDirectory the drop folders live below it, one per school: {@code <inbox>/<agency-id>/}
 */
@ConfigurationProperties("gateway.batches")
public record BatchSettings(Path inboxDirectory) {

    public BatchSettings {
        inboxDirectory = inboxDirectory == null ? Path.of("var", "inbox") : inboxDirectory;
    }
}
