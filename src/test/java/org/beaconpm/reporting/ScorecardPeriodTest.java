package org.beaconpm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Frequency;
import org.beaconpm.periods.Period;
import org.junit.jupiter.api.Test;

class ScorecardPeriodTest {

    @Test
    void theDefaultScorecardShowsEachIndicatorAtThePeriodMyDataOffersForItOnEveryDay() {
        for (LocalDate today = LocalDate.of(2024, 1, 1);
                today.isBefore(LocalDate.of(2027, 1, 1));
                today = today.plusDays(1)) {
            Period asAt = Scorecards.defaultPeriod(today);
            for (Frequency frequency : Frequency.values()) {
                assertThat(org.beaconpm.performance.Performance.latestEnded(frequency.periodType(), asAt.end()))
                        .as("%s on %s", frequency, today)
                        .isEqualTo(Values.latestEnded(frequency.periodType(), today));
            }
        }
    }

    @Test
    void theDefaultScorecardIsOfTheMonthThatEndsTodayOnAQuarterEndDay() {
        assertThat(Scorecards.defaultPeriod(LocalDate.of(2025, 6, 30)).code()).isEqualTo("2025-06");
        assertThat(Scorecards.defaultPeriod(LocalDate.of(2025, 6, 29)).code()).isEqualTo("2025-05");
        assertThat(Scorecards.defaultPeriod(LocalDate.of(2025, 7, 1)).code()).isEqualTo("2025-06");
    }
}
