package org.beaconpm.periods;

/** Text that cannot be read as a period; the message names the text and says what would be accepted. */
public class InvalidPeriodCode extends IllegalArgumentException {

    private final String input;

    InvalidPeriodCode(String input, String reason) {
        super('"' + input + "\" is not a period: " + reason);
        this.input = input;
    }

    InvalidPeriodCode(String input, PeriodType expected, String reason) {
        super('"' + input + "\" is not a " + expected.noun() + ": " + reason);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
