package org.beaconpm.platform;

/** One fault in an imported file: the row as a spreadsheet numbers it (the header is row 1), the column and the reason. */
public record ImportError(int row, String column, String message) {

    @Override
    public String toString() {
        return "Row " + row + ", " + column + ": " + message;
    }
}
