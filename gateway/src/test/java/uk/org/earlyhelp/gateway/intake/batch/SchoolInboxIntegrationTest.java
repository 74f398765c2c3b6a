package uk.org.earlyhelp.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestState;

/** The drop folder per school: a file's school is its folder's; processed files go to .done, others to .failed. */
class SchoolInboxIntegrationTest extends GatewayIntegrationTest {

    private static final Path INBOX = TestState.directory().resolve("inbox");

    @Test
    void aFileDroppedInTheSchoolsFolderBecomesABatchAndMovesToDone() throws Exception {
        TestFamily family = new TestFamily();
        String csv = TestCsv.ATTENDANCE_HEADER + TestCsv.attendance(family, 120, 30);

        drop("greenfield-primary", "attendance.csv", csv);

        Path done = INBOX.resolve("greenfield-primary/.done");
        await().atMost(PIPELINE_TIMEOUT).until(() -> filesIn(done).stream()
                .anyMatch(name -> name.endsWith("-attendance.csv")));
        assertThat(INBOX.resolve("greenfield-primary/attendance.csv")).doesNotExist();
        Map<String, Object> batch = jdbc.queryForMap("select * from batches where transport = 'inbox' "
                + "and file_sha256 = ?", sha256(csv));
        assertThat(batch).containsEntry("agency_id", "greenfield-primary").containsEntry("status", "completed")
                .containsEntry("flags_accepted", 1).containsEntry("rows_read", 1);
        await().atMost(PIPELINE_TIMEOUT).until(() -> jdbc.queryForObject(
                "select count(*) from person_identifiers where identifier_value = ?", Integer.class,
                family.pupil.upn()) == 1);
    }

    @Test
    void aFileThatIsNotABatchMovesToFailedWithItsBatchOnRecordAsRejected() throws Exception {
        String notABatch = "name,colour\nAmelia,blue\n";

        drop("greenfield-primary", "not-a-batch.csv", notABatch);

        await().atMost(PIPELINE_TIMEOUT).until(() -> filesIn(INBOX.resolve("greenfield-primary/.failed")).stream()
                .anyMatch(name -> name.endsWith("-not-a-batch.csv")));
        assertThat(jdbc.queryForObject("select status from batches where file_sha256 is null and transport = 'inbox' "
                + "and batch_id in (select batch_id from batch_row_errors where field = 'header')", String.class))
                .isEqualTo("rejected");
    }

    @Test
    void aFolderThatNamesNoSchoolIsNotReadAsAnyone() throws Exception {
        String csv = TestCsv.ATTENDANCE_HEADER + TestCsv.attendance(new TestFamily(), 100, 40);

        drop("county-police", "attendance.csv", csv);

        await().atMost(PIPELINE_TIMEOUT).until(() -> !filesIn(INBOX.resolve("county-police/.failed")).isEmpty());
        assertThat(jdbc.queryForObject(
                "select count(*) from batches where agency_id = 'county-police' and transport = 'inbox'",
                Integer.class)).isZero();
    }

    /** As a school's export should: written under a dot name the inbox ignores, then renamed in one step. */
    private static void drop(String folder, String name, String content) throws Exception {
        Path directory = Files.createDirectories(INBOX.resolve(folder));
        Path partial = directory.resolve("." + name + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> filesIn(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
