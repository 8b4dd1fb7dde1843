package org.beaconpm.indicators;

/** What an indicator's figures are measured in. */
public enum Measure {
    NUMBER("Number", ""),
    PERCENTAGE("Percentage", "%"),
    MONEY("Money", "£"),
    DAYS("Days", " days"),
    RATIO("Ratio", "");

    private final String label;
    private final String symbol;

    Measure(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    /** The value as people read it: {@code 61.5%}, {@code £1,250}, {@code 8.5 days}. */
    public String format(java.math.BigDecimal value, int decimals) {
        if (value == null) {
            return "";
        }
        String number = String.format(
                java.util.Locale.UK, "%,." + decimals + "f", value.setScale(decimals, java.math.RoundingMode.HALF_UP));
        return this == MONEY ? (value.signum() < 0 ? "-£" + number.substring(1) : "£" + number) : number + symbol;
    }
}
