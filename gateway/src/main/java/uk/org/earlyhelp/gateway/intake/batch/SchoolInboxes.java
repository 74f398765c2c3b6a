package uk.org.earlyhelp.gateway.intake.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.agency.AgencyDirectory;
import uk.org.earlyhelp.gateway.agency.AgencySettings;
import uk.org.earlyhelp.routes.model.Agency;
import uk.org.earlyhelp.routes.model.AgencyKind;

/**
 * The drop folders: {@code <inbox>/<agency-id>/} for each configured school. A file's school is its
 * folder's, so whoever can write into a folder speaks as that school: the folder's filesystem
 * permissions are the control, as the client certificate is over HTTPS. Missing folders are created
 * owner-only; operators grant each school's upload account write access to its own folder only.
 */
@Component
public class SchoolInboxes {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolInboxes.class);

    private final Path directory;
    private final AgencyDirectory agencies;

    public SchoolInboxes(BatchSettings settings, AgencySettings configured, AgencyDirectory agencies) {
        this.directory = settings.inboxDirectory().toAbsolutePath().normalize();
        this.agencies = agencies;
        createIfMissing(directory);
        configured.agencies().stream().filter(agency -> agency.kind() == AgencyKind.SCHOOL)
                .forEach(school -> createIfMissing(directory.resolve(school.id())));
    }

    public Path directory() {
        return directory;
    }

    public Path folderOf(String agencyId) {
        return directory.resolve(agencyId);
    }

    /** The school whose folder holds the file, from its path below the inbox ({@code <agency-id>/<file>}). */
    Agency schoolOf(String relativePath) {
        Path folder = Path.of(relativePath).getParent();
        Agency school = folder == null || folder.getNameCount() != 1 ? null : agencies.byId(folder.toString())
                .filter(agency -> agency.kind() == AgencyKind.SCHOOL)
                .map(agency -> agency.asAgency())
                .orElse(null);
        if (school == null) {
            // Folder names are agency ids the operator created, not personal data.
            LOG.warn("a file in inbox folder '{}' was not read: the folder is not a configured school's", folder);
            throw new NoSuchSchoolInbox();
        }
        return school;
    }

    private static void createIfMissing(Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // The operator sets the folder's access control list instead.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the school inbox " + folder, e);
        }
    }
}
