package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;

class ForecastPropertiesTest {

    @Property
    void aSumThatMissesItsProfileByTheSameProportionEveryPeriodIsForecastToMissTheYearByIt(
            @ForAll("profiles") List<BigDecimal> profile,
            @ForAll @IntRange(min = 1, max = 12) int reported,
            @ForAll("proportions") BigDecimal proportion) {
        assertMissesTheYearBy(Aggregation.SUM, profile, reported, proportion, sum(profile));
    }

    @Property
    void aMeanThatMissesItsProfileByTheSameProportionEveryPeriodIsForecastToMissTheYearByIt(
            @ForAll("profiles") List<BigDecimal> profile,
            @ForAll @IntRange(min = 1, max = 12) int reported,
            @ForAll("proportions") BigDecimal proportion) {
        BigDecimal meanOfYear = sum(profile).divide(BigDecimal.valueOf(profile.size()), MathContext.DECIMAL64);
        assertMissesTheYearBy(Aggregation.MEAN, profile, reported, proportion, meanOfYear);
    }

    private static void assertMissesTheYearBy(
            Aggregation aggregation, List<BigDecimal> profile, int reported, BigDecimal proportion, BigDecimal year) {
        int soFar = Math.min(reported, profile.size());
        List<Observation> actuals = profile.subList(0, soFar).stream()
                .map(target -> Observation.of(target.multiply(proportion)))
                .toList();
        List<Target> profiledSoFar =
                profile.subList(0, soFar).stream().map(Target::of).toList();
        List<Target> profiledRest =
                profile.subList(soFar, profile.size()).stream().map(Target::of).toList();

        BigDecimal forecast = Forecast.alongProfile(aggregation, actuals, profiledSoFar, profiledRest, 1)
                .orElseThrow();

        assertThat(forecast.divide(year, MathContext.DECIMAL64))
                .isCloseTo(proportion, Offset.offset(new BigDecimal("0.000000001")));
    }

    @Provide
    Arbitrary<List<BigDecimal>> profiles() {
        return Arbitraries.of(4, 12).flatMap(periods -> Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("5000"))
                .ofScale(2)
                .list()
                .ofSize(periods));
    }

    @Provide
    Arbitrary<BigDecimal> proportions() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.5"), new BigDecimal("1.5"))
                .ofScale(3);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
