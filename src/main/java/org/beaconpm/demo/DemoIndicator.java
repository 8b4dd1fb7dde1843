package org.beaconpm.demo;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Frequency;
import org.beaconpm.indicators.IndicatorDefinition;
import org.beaconpm.indicators.IndicatorKind;
import org.beaconpm.indicators.IndicatorSource;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Measure;

/**
 * One demo indicator: its definition, how its made-up history behaves (a level, a yearly trend, a seasonal swing and
 * noise) and, where the demo needs it, how its latest period must look on the scorecard so that every status and
 * direction of travel is there to see.
 */
final class DemoIndicator {

    final String code;
    final String title;
    String definition;
    String whyItMatters;
    Measure measure = Measure.NUMBER;
    int decimals;
    Polarity polarity = Polarity.HIGHER_IS_BETTER;
    Frequency frequency = Frequency.MONTHLY;
    Aggregation aggregation = Aggregation.SUM;
    IndicatorKind kind = IndicatorKind.PERFORMANCE;
    IndicatorSource source = IndicatorSource.LOCAL;
    String nationalCode;
    String ownerUnit;
    BigDecimal toleranceAbsolute;

    /** The level at the start of the three years, and how much it moves each year, in the indicator's units. */
    double level;

    double slopePerYear;
    /** Relative seasonal swing, greatest in {@code peakMonth} (1 = January); negative for a trough. */
    double seasonality;

    int peakMonth = 1;
    /** Relative noise of a period's value; for a cumulative indicator, points of the year-end figure. */
    double noise = 0.03;
    /** A ratio's denominator per period (applications decided, tonnes collected), and its decimals. */
    double volume;

    int volumeDecimals;
    /** For a year-to-date measure such as council tax collected: the share of the year-end figure by each month. */
    List<Double> cumulative;
    /** How much better than the expected level the annual target is set, as a fraction. */
    double stretch = 0.01;

    Double fixedTarget;
    Double rangeLow;
    Double rangeHigh;
    String rationale = "Agreed with the service as challenging but achievable";
    String offTrack =
            "The service is reviewing the causes and will report a recovery plan to the next performance" + " clinic";

    Status latest;
    Trend trend;
    boolean atRisk;
    boolean noTargetThisYear;

    private DemoIndicator(String code, String title) {
        this.code = code;
        this.title = title;
    }

    static DemoIndicator of(String code, String title) {
        return new DemoIndicator(code, title);
    }

    IndicatorDefinition definition() {
        return new IndicatorDefinition(
                code,
                title,
                definition,
                whyItMatters,
                measure,
                decimals,
                polarity,
                frequency,
                aggregation,
                kind,
                source,
                nationalCode,
                ownerUnit,
                null,
                toleranceAbsolute,
                List.of(),
                true,
                IndicatorStatus.ACTIVE);
    }

    int ratioPer() {
        return measure == Measure.PERCENTAGE ? 100 : 1;
    }

    DemoIndicator percentage(int decimals) {
        return measure(Measure.PERCENTAGE, decimals);
    }

    DemoIndicator number(int decimals) {
        return measure(Measure.NUMBER, decimals);
    }

    DemoIndicator days(int decimals) {
        return measure(Measure.DAYS, decimals);
    }

    DemoIndicator money() {
        kind = IndicatorKind.COST;
        return measure(Measure.MONEY, 2);
    }

    private DemoIndicator measure(Measure measure, int decimals) {
        this.measure = measure;
        this.decimals = decimals;
        return this;
    }

    DemoIndicator higher() {
        polarity = Polarity.HIGHER_IS_BETTER;
        return this;
    }

    DemoIndicator lower() {
        polarity = Polarity.LOWER_IS_BETTER;
        return this;
    }

    DemoIndicator range(double low, double high) {
        polarity = Polarity.TARGET_RANGE;
        rangeLow = low;
        rangeHigh = high;
        return this;
    }

    /** Context only: collected and charted, never rated. */
    DemoIndicator dataOnly() {
        polarity = Polarity.DATA_ONLY;
        kind = IndicatorKind.CONTEXT;
        return this;
    }

    DemoIndicator monthly() {
        frequency = Frequency.MONTHLY;
        return this;
    }

    DemoIndicator quarterly() {
        frequency = Frequency.QUARTERLY;
        return this;
    }

    DemoIndicator annual() {
        frequency = Frequency.ANNUAL;
        return this;
    }

    DemoIndicator sum() {
        aggregation = Aggregation.SUM;
        return this;
    }

    DemoIndicator mean() {
        aggregation = Aggregation.MEAN;
        return this;
    }

    DemoIndicator last() {
        aggregation = Aggregation.LAST;
        return this;
    }

    /** A ratio of summed numerators and denominators; {@code volume} is the usual denominator of one period. */
    DemoIndicator ratio(double volume, int volumeDecimals) {
        aggregation = Aggregation.RATIO;
        this.volume = volume;
        this.volumeDecimals = volumeDecimals;
        return this;
    }

    /** A national indicator, reported under its own code. */
    DemoIndicator national() {
        source = IndicatorSource.NATIONAL;
        nationalCode = code;
        return this;
    }

    DemoIndicator proxyFor(String nationalCode) {
        source = IndicatorSource.PROXY;
        this.nationalCode = nationalCode;
        return this;
    }

    DemoIndicator partner() {
        source = IndicatorSource.PARTNER;
        return this;
    }

    DemoIndicator kind(IndicatorKind kind) {
        this.kind = kind;
        return this;
    }

    DemoIndicator owner(String unitCode) {
        ownerUnit = unitCode;
        return this;
    }

    DemoIndicator about(String definition, String whyItMatters) {
        this.definition = definition;
        this.whyItMatters = whyItMatters;
        return this;
    }

    DemoIndicator tolerance(double absolute) {
        toleranceAbsolute = BigDecimal.valueOf(absolute);
        return this;
    }

    DemoIndicator series(double level, double slopePerYear) {
        this.level = level;
        this.slopePerYear = slopePerYear;
        return this;
    }

    DemoIndicator seasonal(double seasonality, int peakMonth) {
        this.seasonality = seasonality;
        this.peakMonth = peakMonth;
        return this;
    }

    DemoIndicator noise(double noise) {
        this.noise = noise;
        return this;
    }

    DemoIndicator cumulative(Double... shareByMonth) {
        cumulative = List.of(shareByMonth);
        return this;
    }

    DemoIndicator target(double target) {
        fixedTarget = target;
        return this;
    }

    DemoIndicator stretch(double stretch) {
        this.stretch = stretch;
        return this;
    }

    DemoIndicator rationale(String rationale) {
        this.rationale = rationale;
        return this;
    }

    DemoIndicator offTrack(String narrative) {
        offTrack = narrative;
        return this;
    }

    /** The status the latest period must have on the scorecard; {@link Status#MISSING} leaves it blank. */
    DemoIndicator latest(Status status) {
        latest = status;
        return this;
    }

    /** The short direction of travel the latest period must show against the one before. */
    DemoIndicator trend(Trend trend) {
        this.trend = trend;
        return this;
    }

    /** On target in the latest period, but heading for a miss of the annual target. */
    DemoIndicator atRisk() {
        atRisk = true;
        return this;
    }

    /** This year's target is still to be agreed. */
    DemoIndicator noTargetThisYear() {
        noTargetThisYear = true;
        return this;
    }
}
