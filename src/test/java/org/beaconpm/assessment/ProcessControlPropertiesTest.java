package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ProcessControlPropertiesTest {

    @Property
    void mirroringTheSeriesAndThePolarityKeepsTheVerdicts(
            @ForAll("series") List<BigDecimal> values,
            @ForAll("ratedPolarities") Polarity polarity,
            @ForAll("figures") BigDecimal target) {
        XmrChart chart = ProcessControl.chart(values, polarity, Target.of(target));
        XmrChart mirrored = ProcessControl.chart(
                values.stream().map(BigDecimal::negate).toList(), mirror(polarity), Target.of(target.negate()));

        assertThat(mirrored.variation()).isEqualTo(chart.variation());
        assertThat(mirrored.assurance()).isEqualTo(chart.assurance());
        for (int i = 0; i < values.size(); i++) {
            assertThat(mirrored.points().get(i).rules())
                    .isEqualTo(chart.points().get(i).rules());
        }
    }

    @Property
    void mirroringATargetRangeKeepsTheVerdicts(
            @ForAll("series") List<BigDecimal> values,
            @ForAll("figures") BigDecimal low,
            @ForAll("figures") BigDecimal high) {
        Target range = Target.range(low.min(high), low.max(high));
        Target mirroredRange =
                Target.range(low.max(high).negate(), low.min(high).negate());

        XmrChart chart = ProcessControl.chart(values, Polarity.TARGET_RANGE, range);
        XmrChart mirrored = ProcessControl.chart(
                values.stream().map(BigDecimal::negate).toList(), Polarity.TARGET_RANGE, mirroredRange);

        assertThat(mirrored.variation()).isEqualTo(chart.variation());
        assertThat(mirrored.assurance()).isEqualTo(chart.assurance());
    }

    @Property
    void theSameSeriesIsImprovingForOnePolarityWhenConcerningForTheOther(@ForAll("series") List<BigDecimal> values) {
        Variation higher =
                ProcessControl.chart(values, Polarity.HIGHER_IS_BETTER, null).variation();
        Variation lower =
                ProcessControl.chart(values, Polarity.LOWER_IS_BETTER, null).variation();

        assertThat(lower)
                .isEqualTo(
                        switch (higher) {
                            case SPECIAL_CAUSE_IMPROVING -> Variation.SPECIAL_CAUSE_CONCERNING;
                            case SPECIAL_CAUSE_CONCERNING -> Variation.SPECIAL_CAUSE_IMPROVING;
                            default -> higher;
                        });
    }

    @Property
    void limitsLieEitherSideOfTheMean(@ForAll("series") List<BigDecimal> values) {
        XmrChart chart = ProcessControl.chart(values, Polarity.DATA_ONLY, null);

        assertThat(chart.lowerLimit()).isLessThanOrEqualTo(chart.mean());
        assertThat(chart.upperLimit()).isGreaterThanOrEqualTo(chart.mean());
        assertThat(chart.upperLimit().subtract(chart.mean()))
                .isEqualByComparingTo(chart.mean().subtract(chart.lowerLimit()));
    }

    private static Polarity mirror(Polarity polarity) {
        return polarity == Polarity.HIGHER_IS_BETTER ? Polarity.LOWER_IS_BETTER : Polarity.HIGHER_IS_BETTER;
    }

    @Provide
    Arbitrary<List<BigDecimal>> series() {
        return figures().list().ofMinSize(ProcessControl.MINIMUM_POINTS).ofMaxSize(30);
    }

    @Provide
    Arbitrary<BigDecimal> figures() {
        return Arbitraries.integers().between(-200, 200).map(i -> BigDecimal.valueOf(i, 1));
    }

    @Provide
    Arbitrary<Polarity> ratedPolarities() {
        return Arbitraries.of(Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER);
    }
}
