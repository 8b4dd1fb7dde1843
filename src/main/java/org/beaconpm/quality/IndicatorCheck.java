package org.beaconpm.quality;

import java.math.BigDecimal;
import org.beaconpm.assessment.OutlierMethod;

/**
 * What is checked of one indicator's own values: a valid range (either bound may be missing), the largest change in
 * per cent from the previous period, and the outlier method with its threshold; each part optional.
 */
public record IndicatorCheck(
        long indicatorId,
        BigDecimal validMin,
        BigDecimal validMax,
        Severity rangeSeverity,
        BigDecimal maxChangePercent,
        Severity changeSeverity,
        OutlierMethod outlierMethod,
        BigDecimal outlierThreshold) {

    public BigDecimal threshold() {
        return outlierThreshold != null ? outlierThreshold : outlierMethod.usualThreshold();
    }
}
