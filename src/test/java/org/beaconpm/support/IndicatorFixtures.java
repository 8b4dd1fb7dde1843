package org.beaconpm.support;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.indicators.Frequency;
import org.beaconpm.indicators.IndicatorDefinition;
import org.beaconpm.indicators.IndicatorKind;
import org.beaconpm.indicators.IndicatorSource;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Measure;

/**
 * Indicator definitions for tests, as the {@code Indicators} service takes them: start from a shape, change what the
 * test is about, then {@link Builder#build()}: {@code monthlyCount(code).owner(unit).lowerIsBetter().build()}.
 */
public final class IndicatorFixtures {

    private IndicatorFixtures() {}

    /** A local performance count, entered monthly, to one decimal place, higher is better, averaged over time. */
    public static Builder monthlyCount(String code) {
        return new Builder(code, Measure.NUMBER, Frequency.MONTHLY, Aggregation.MEAN);
    }

    /** A percentage of a numerator over a denominator, entered monthly, higher is better. */
    public static Builder monthlyPercentage(String code) {
        return new Builder(code, Measure.PERCENTAGE, Frequency.MONTHLY, Aggregation.RATIO);
    }

    /** A percentage of a numerator over a denominator, entered quarterly, higher is better. */
    public static Builder quarterlyPercentage(String code) {
        return new Builder(code, Measure.PERCENTAGE, Frequency.QUARTERLY, Aggregation.RATIO);
    }

    /** An indicator definition under construction; each method changes one thing and returns the builder. */
    public static final class Builder {

        private final String code;
        private String title;
        private String definition = "A figure for the tests";
        private Measure measure;
        private int decimals = 1;
        private Polarity polarity = Polarity.HIGHER_IS_BETTER;
        private final Frequency frequency;
        private Aggregation aggregation;
        private IndicatorSource source = IndicatorSource.LOCAL;
        private String nationalCode;
        private String ownerUnitCode;
        private BigDecimal tolerancePercent;
        private IndicatorKind kind = IndicatorKind.PERFORMANCE;
        private List<String> breakdowns = List.of();

        private Builder(String code, Measure measure, Frequency frequency, Aggregation aggregation) {
            this.code = code;
            this.title = "Test indicator " + code;
            this.measure = measure;
            this.frequency = frequency;
            this.aggregation = aggregation;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder definition(String definition) {
            this.definition = definition;
            return this;
        }

        /** Owned by the unit with {@code unitCode}. */
        public Builder owner(String unitCode) {
            this.ownerUnitCode = unitCode;
            return this;
        }

        public Builder polarity(Polarity polarity) {
            this.polarity = polarity;
            return this;
        }

        public Builder lowerIsBetter() {
            return polarity(Polarity.LOWER_IS_BETTER);
        }

        /** Recorded for information and never rated. */
        public Builder dataOnly() {
            return polarity(Polarity.DATA_ONLY);
        }

        public Builder decimals(int decimals) {
            this.decimals = decimals;
            return this;
        }

        public Builder measure(Measure measure) {
            this.measure = measure;
            return this;
        }

        public Builder aggregation(Aggregation aggregation) {
            this.aggregation = aggregation;
            return this;
        }

        /** A percentage of a numerator over a denominator. */
        public Builder ratio() {
            return measure(Measure.PERCENTAGE).aggregation(Aggregation.RATIO);
        }

        /** A local stand-in for the national indicator with {@code nationalCode}. */
        public Builder proxyFor(String nationalCode) {
            this.source = IndicatorSource.PROXY;
            this.nationalCode = nationalCode;
            return this;
        }

        /** Rated amber within {@code percent} per cent of its target. */
        public Builder tolerancePercent(BigDecimal percent) {
            this.tolerancePercent = percent;
            return this;
        }

        /** Of this kind: cost, satisfaction or context rather than performance. */
        public Builder kind(IndicatorKind kind) {
            this.kind = kind;
            return this;
        }

        /** Collected by these breakdowns: {@code area} and population dimension codes. */
        public Builder breakdowns(String... breakdowns) {
            this.breakdowns = List.of(breakdowns);
            return this;
        }

        public IndicatorDefinition build() {
            return new IndicatorDefinition(
                    code,
                    title,
                    definition,
                    null,
                    measure,
                    decimals,
                    polarity,
                    frequency,
                    aggregation,
                    kind,
                    source,
                    nationalCode,
                    ownerUnitCode,
                    tolerancePercent,
                    null,
                    breakdowns,
                    false,
                    IndicatorStatus.ACTIVE);
        }
    }
}
