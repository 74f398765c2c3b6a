package uk.org.earlyhelp.gateway.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that they either exist complete or not at all.
 *
 * <p>{@link DevelopmentPki} reuses any file it finds, so a file cut short by a crash would be reused as
 * if it were good. Writing to a temporary file in the same directory, forcing it to disk and then
 * renaming it means the final name only ever appears with the whole content behind it.
 */
final class AtomicFiles {

    /** Whether a file holds a private key (owner-only where POSIX permissions exist) or only public material. */
    enum Visibility {
        SECRET(PosixFilePermissions.fromString("rw-------")),
        PUBLIC(PosixFilePermissions.fromString("rw-r--r--"));

        private final Set<PosixFilePermission> permissions;

        Visibility(Set<PosixFilePermission> permissions) {
            this.permissions = permissions;
        }
    }

    private AtomicFiles() {
    }

    /** Creates {@code target} with {@code content}; refuses if it already exists, as nothing here is overwritten. */
    static void create(Path target, byte[] content, Visibility visibility) {
        Path directory = target.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            // Created owner-only from the start, so a private key is never readable by others, not even briefly.
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Visibility.SECRET.permissions)}
                    : new FileAttribute<?>[0];
            Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp", attributes);
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true); // on disk before the rename makes it visible under its real name
                }
                if (posix) {
                    Files.setPosixFilePermissions(temporary, visibility.permissions);
                }
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary); // only still there if something above failed
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this is still a rename on any ordinary file system.
            Files.move(source, target);
        }
    }
}
