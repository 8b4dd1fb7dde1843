package org.beaconpm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Frequency;
import org.beaconpm.indicators.IndicatorSource;
import org.beaconpm.indicators.Measure;
import org.junit.jupiter.api.Test;

class DemoFilesTest {

    private static final String INDICATORS =
            """
            code,title,unit,decimals,polarity,frequency,aggregation,tolerance_absolute,owner_unit,source,national_code,published
            NI 192,Household waste recycled,percentage,1,higher,quarterly,ratio,,NDC-WASTE-RSC,national,NI 192,yes
            HR-02,Staff turnover,percentage,1,range,quarterly,last,,NDC-HR,local,,yes
            BV 9,Council tax collected,percentage,1,higher,monthly,last,0.5,NDC-REVBEN-CTAX,local,,yes
            """;

    private static final String HISTORY =
            """
            code,level,slope_per_year,seasonality,peak_month,noise,volume,volume_decimals,collected_by_month,target_low,target_high,latest,trend,at_risk,rationale
            NI 192,45.5,0.8,0.12,7,0.015,10500,1,,,,amber,improving,,Steps towards 55%
            HR-02,10.6,0.3,,,,,,,8,12,,,yes,
            BV 9,97.6,0.1,,,0.3,,,0.1;0.2;0.3;0.4;0.5;0.6;0.7;0.8;0.9;0.95;0.98;1,,,green,,,
            """;

    @Test
    void readsEachDefinitionAsTheIndicatorImportDoesWithItsHistory() {
        List<DemoIndicator> indicators = DemoFiles.indicators(INDICATORS, HISTORY);

        assertThat(indicators).extracting(DemoIndicator::code).containsExactly("NI 192", "HR-02", "BV 9");
        DemoIndicator recycling = indicators.get(0);
        assertThat(recycling.definition().measure()).isEqualTo(Measure.PERCENTAGE);
        assertThat(recycling.definition().frequency()).isEqualTo(Frequency.QUARTERLY);
        assertThat(recycling.definition().aggregation()).isEqualTo(Aggregation.RATIO);
        assertThat(recycling.definition().source()).isEqualTo(IndicatorSource.NATIONAL);
        assertThat(recycling.definition().published()).isTrue();
        assertThat(recycling.history().level()).isEqualTo(45.5);
        assertThat(recycling.history().peakMonth()).isEqualTo(7);
        assertThat(recycling.history().volume()).isEqualTo(10_500);
        assertThat(recycling.history().volumeDecimals()).isEqualTo(1);
        assertThat(recycling.history().latest()).isEqualTo(Status.AMBER);
        assertThat(recycling.history().trend()).isEqualTo(Trend.IMPROVING);
        assertThat(recycling.history().rationale()).isEqualTo("Steps towards 55%");
        assertThat(recycling.history().yearToDate()).isFalse();
    }

    @Test
    void givesBlankCellsTheirDocumentedDefaults() {
        DemoHistory turnover = DemoFiles.indicators(INDICATORS, HISTORY).get(1).history();

        assertThat(turnover.noise()).isEqualTo(DemoHistory.NOISE);
        assertThat(turnover.stretch()).isEqualTo(DemoHistory.STRETCH);
        assertThat(turnover.seasonality()).isZero();
        assertThat(turnover.fixedTarget()).isNull();
        assertThat(turnover.rangeLow()).isEqualTo(8);
        assertThat(turnover.rangeHigh()).isEqualTo(12);
        assertThat(turnover.latest()).isNull();
        assertThat(turnover.atRisk()).isTrue();
        assertThat(turnover.noTargetThisYear()).isFalse();
        assertThat(turnover.rationale()).isEqualTo(DemoHistory.RATIONALE);
        assertThat(turnover.offTrack()).isEqualTo(DemoHistory.OFF_TRACK);
    }

    @Test
    void readsAYearToDateProfileOfTwelveMonthsFromApril() {
        DemoIndicator councilTax = DemoFiles.indicators(INDICATORS, HISTORY).get(2);

        assertThat(councilTax.definition().toleranceAbsolute()).isEqualByComparingTo("0.5");
        assertThat(councilTax.history().collectedByMonth())
                .hasSize(12)
                .startsWith(0.1)
                .endsWith(1.0);
    }

    @Test
    void refusesABadCellNamingTheFileTheRowAndTheColumn() {
        String history = HISTORY.replace("NI 192,45.5,0.8,0.12,7,0.015", "NI 192,45.5,0.8,0.12,7,lots");

        assertThatThrownBy(() -> DemoFiles.indicators(INDICATORS, history))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demo/history.csv, row 2, column noise: \"lots\" is not a number");
    }

    @Test
    void refusesABadDefinitionAsTheImportWouldNamingTheFileTheRowAndTheColumn() {
        String indicators =
                INDICATORS.replace("HR-02,Staff turnover,percentage,1", "HR-02,Staff turnover,percentage,9");

        assertThatThrownBy(() -> DemoFiles.indicators(indicators, HISTORY))
                .hasMessageContaining("demo/indicators.csv, row 3, column decimals: decimals must be a whole number");
    }

    @Test
    void listsEveryProblemAtOnce() {
        String history = HISTORY.replace("10.6,0.3,,,,", "ten,0.3,,13,,")
                .replace("0.1;0.2;0.3", "0.1;0.2")
                .replace("green", "purple");

        assertThatThrownBy(() -> DemoFiles.indicators(INDICATORS, history))
                .hasMessageContaining("4 errors")
                .hasMessageContaining("demo/history.csv, row 3, column level: \"ten\" is not a number")
                .hasMessageContaining("demo/history.csv, row 3, column peak_month: \"13\" is not a whole number")
                .hasMessageContaining("demo/history.csv, row 4, column collected_by_month: give twelve shares")
                .hasMessageContaining(
                        "demo/history.csv, row 4, column latest: \"purple\" is not one of green, amber, red, missing");
    }

    @Test
    void refusesAnIndicatorWithoutAHistoryAndAHistoryWithoutAnIndicator() {
        String history = HISTORY.replace("HR-02,", "HR-99,");

        assertThatThrownBy(() -> DemoFiles.indicators(INDICATORS, history))
                .hasMessageContaining(
                        "demo/history.csv, row 3, column code: there is no indicator HR-99 in" + " demo/indicators.csv")
                .hasMessageContaining(
                        "demo/indicators.csv, row 3, column code: indicator HR-02 has no row in" + " demo/history.csv");
    }

    @Test
    void refusesARatioWithoutItsVolumeAndARangeWithoutItsEnds() {
        String history = HISTORY.replace("0.015,10500,1", "0.015,,").replace(",8,12,", ",8,,");

        assertThatThrownBy(() -> DemoFiles.indicators(INDICATORS, history))
                .hasMessageContaining("demo/history.csv, row 2, column volume: indicator NI 192 is a ratio")
                .hasMessageContaining("demo/history.csv, row 3, column target_low: indicator HR-02 has a target range");
    }

    @Test
    void refusesAnUnknownColumnInTheHeaderRow() {
        String history = HISTORY.replace("code,level,", "code,levle,level,");

        assertThatThrownBy(() -> DemoFiles.indicators(INDICATORS, history))
                .hasMessageContaining("demo/history.csv, row 1, column levle: unknown column");
    }

    @Test
    void readsTheDemosOwnFiles() {
        List<DemoIndicator> indicators = DemoFiles.indicators();

        assertThat(indicators).hasSizeBetween(35, 45);
        assertThat(indicators)
                .filteredOn(indicator -> indicator.definition().polarity() == Polarity.TARGET_RANGE)
                .allSatisfy(
                        indicator -> assertThat(indicator.history().rangeLow()).isNotNull());
    }
}
