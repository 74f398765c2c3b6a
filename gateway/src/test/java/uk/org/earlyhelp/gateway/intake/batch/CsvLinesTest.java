package uk.org.earlyhelp.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLinesTest {

    @Test
    void quotedCellsMayHoldCommasAndQuotes() {
        assertThat(CsvLines.parse(2, "a,\"O'Neill, Jr\",\"say \"\"hi\"\"\",,\"\"").fields())
                .containsExactly("a", "O'Neill, Jr", "say \"hi\"", "", "");
    }

    @Test
    void linesAreNumberedAsInTheFileSkippingBlankOnesAndTheByteOrderMark() {
        List<CsvLines.Line> lines = all("\uFEFFh1,h2\r\na,b\r\n\r\n  \nc,d");

        assertThat(lines).extracting(CsvLines.Line::number).containsExactly(1, 2, 5);
        assertThat(lines.get(0).fields()).containsExactly("h1", "h2");
        assertThat(lines.get(2).fields()).containsExactly("c", "d");
    }

    @Test
    void aBrokenQuoteCostsOnlyItsOwnRow() {
        List<CsvLines.Line> lines = all("h\n\"open,x\nnext\nun\"quoted\n");

        assertThat(lines.get(1).problem()).isEqualTo("a quoted field is not closed on its line");
        assertThat(lines.get(2).fields()).containsExactly("next");
        assertThat(lines.get(3).problem()).isEqualTo("a quote appears inside an unquoted field");
    }

    @Test
    void aLineLongerThanTheLimitIsReportedNotBuffered() {
        List<CsvLines.Line> lines = all("h\n" + "x".repeat(CsvLines.MAX_LINE_LENGTH + 10) + "\nafter\n");

        assertThat(lines.get(1).problem()).startsWith("row is longer than");
        assertThat(lines.get(2)).isEqualTo(new CsvLines.Line(3, List.of("after"), null));
    }

    private static List<CsvLines.Line> all(String text) {
        CsvLines reader = new CsvLines(new StringReader(text));
        List<CsvLines.Line> lines = new ArrayList<>();
        for (CsvLines.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }
}
