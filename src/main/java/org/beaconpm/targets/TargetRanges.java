package org.beaconpm.targets;

import java.util.Optional;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.PolarityChangeCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps an indicator with target ranges from becoming one where higher or lower is better, which a range cannot rate.
 * The other way round is fine: a range indicator's single target is a figure to be as close to as possible.
 */
@Component
class TargetRanges implements PolarityChangeCheck {

    private final JdbcClient jdbc;

    TargetRanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> refusal(Indicator indicator, Polarity to) {
        if (to != Polarity.HIGHER_IS_BETTER && to != Polarity.LOWER_IS_BETTER) {
            return Optional.empty();
        }
        long ranges = jdbc.sql("select count(*) from target where indicator_id = :indicator and target is null")
                .param("indicator", indicator.id())
                .query(Long.class)
                .single();
        if (ranges == 0) {
            return Optional.empty();
        }
        return Optional.of("This indicator has " + (ranges == 1 ? "a range target" : ranges + " range targets")
                + ", which cannot rate it once " + (to == Polarity.HIGHER_IS_BETTER ? "higher" : "lower")
                + " is better: replace " + (ranges == 1 ? "it with a single target" : "them with single targets")
                + " before changing its polarity");
    }
}
