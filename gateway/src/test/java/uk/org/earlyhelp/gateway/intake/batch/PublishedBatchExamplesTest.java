package uk.org.earlyhelp.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.earlyhelp.schemas.Examples;
import uk.org.earlyhelp.schemas.FieldError;
import uk.org.earlyhelp.schemas.FlagSchemas;

/**
 * The published example files (schemas: contract/batches/) read as the gateway reads them: valid ones
 * have no error on any row, bad ones exactly the {@code row column} pairs their {@code .errors} lists.
 */
class PublishedBatchExamplesTest {

    static final String ROOT = "contract/batches/";

    @ParameterizedTest
    @ValueSource(strings = {"attendance-valid", "exclusions-valid"})
    void everyRowOfAValidExampleIsAValidFlag(String example) {
        assertThat(errors(Examples.read(ROOT + example + ".csv"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"attendance-bad-rows", "exclusions-bad-rows"})
    void aBadExampleHasExactlyTheErrorsItsSidecarLists(String example) {
        List<String> expected = Arrays.stream(Examples.read(ROOT + example + ".errors").split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(errors(Examples.read(ROOT + example + ".csv"))).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Every row checked as a flag, whether or not its absence makes it one, as "row column". */
    private static List<String> errors(String csv) {
        CsvLines lines = new CsvLines(new StringReader(csv));
        List<String> columns = lines.next().fields().stream().map(BatchFormat::columnName).toList();
        BatchFormat format = BatchFormat.of(columns);
        assertThat(format.headerProblems(columns)).isEmpty();
        SchoolRowMapper mapper = new SchoolRowMapper(format, columns, SchoolRowMapperTest.KEY);
        List<String> errors = new ArrayList<>();
        for (CsvLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.problem() != null) {
                errors.add(line.number() + " row");
                continue;
            }
            SchoolRowMapper.MappedRow row = mapper.map(line.fields());
            List<FieldError> problems = row.errors().isEmpty() ? FlagSchemas.load().validate(row.flag()) : row.errors();
            for (FieldError problem : problems) {
                String column = problem.field().startsWith("/") ? ColumnOfField.column(problem.field(), format)
                        : problem.field();
                String entry = line.number() + " " + column;
                if (!errors.contains(entry)) {
                    errors.add(entry);
                }
            }
        }
        return errors;
    }
}
