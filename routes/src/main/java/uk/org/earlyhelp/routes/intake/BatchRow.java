package uk.org.earlyhelp.routes.intake;

/**
 * One data row of a batch, already read and assessed by the batch.
 *
 * @param rowNumber the row's line in the file, the header being row 1 (as a spreadsheet numbers it)
 * @param flag      the flag this row becomes, for the shared intake; {@code null} when the batch settled
 *                  the row itself (no flag by the published definitions, or not a readable row)
 */
public record BatchRow(int rowNumber, IncomingFlag flag) {

    public boolean needsIntake() {
        return flag != null;
    }
}
