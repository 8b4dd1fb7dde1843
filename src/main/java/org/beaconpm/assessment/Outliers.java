package org.beaconpm.assessment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a value is far from what an indicator usually reports: its score against the indicator's own history by
 * one of three methods. Too short a history (fewer than {@link #LEAST_HISTORY} values) or one with no spread at all
 * gives no judgement, rather than calling every change an outlier.
 */
public final class Outliers {

    /** Fewer earlier values than this say too little about what is usual. */
    public static final int LEAST_HISTORY = 4;

    /** The factor that makes the median absolute deviation comparable with a standard deviation (Φ⁻¹(0.75)). */
    public static final double MAD_FACTOR = 0.6745;

    private Outliers() {}

    /** The judgement: the score, the threshold it was held against, and whether it goes beyond it. */
    public record Judgement(OutlierMethod method, double score, double threshold, double low, double high) {

        public boolean isOutlier() {
            return method == OutlierMethod.IQR ? score > 0 : Math.abs(score) > threshold;
        }
    }

    /** Judges {@code value} against {@code history} (earlier values, in any order) by {@code method}. */
    public static Optional<Judgement> judge(
            OutlierMethod method, double threshold, List<Double> history, double value) {
        double[] earlier = history.stream().mapToDouble(Double::doubleValue).toArray();
        if (earlier.length < LEAST_HISTORY) {
            return Optional.empty();
        }
        return switch (method) {
            case Z_SCORE ->
                zScore(earlier, value).map(z -> new Judgement(method, z, threshold, Double.NaN, Double.NaN));
            case MODIFIED_Z_SCORE ->
                modifiedZScore(earlier, value).map(m -> new Judgement(method, m, threshold, Double.NaN, Double.NaN));
            case IQR -> {
                double[] fences = iqrFences(earlier, threshold);
                if (fences[1] == fences[0]) {
                    yield Optional.empty();
                }
                double beyond = value < fences[0] ? fences[0] - value : value > fences[1] ? value - fences[1] : 0;
                yield Optional.of(new Judgement(method, beyond, threshold, fences[0], fences[1]));
            }
        };
    }

    /** (x − mean) / standard deviation of the history (the sample's, n − 1); empty when the history does not vary. */
    public static Optional<Double> zScore(double[] history, double value) {
        double mean = Arrays.stream(history).average().orElseThrow();
        double squares =
                Arrays.stream(history).map(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(squares / (history.length - 1));
        return sd == 0 ? Optional.empty() : Optional.of((value - mean) / sd);
    }

    /** 0.6745 × (x − median) / MAD, the median absolute deviation from the median; empty when MAD is 0. */
    public static Optional<Double> modifiedZScore(double[] history, double value) {
        double median = median(history);
        double mad =
                median(Arrays.stream(history).map(x -> Math.abs(x - median)).toArray());
        return mad == 0 ? Optional.empty() : Optional.of(MAD_FACTOR * (value - median) / mad);
    }

    /** The fences {Q1 − k × IQR, Q3 + k × IQR}, quartiles by linear interpolation between order statistics. */
    public static double[] iqrFences(double[] history, double k) {
        double q1 = quantile(history, 0.25);
        double q3 = quantile(history, 0.75);
        double iqr = q3 - q1;
        return new double[] {q1 - k * iqr, q3 + k * iqr};
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The p-quantile with linear interpolation: position (n − 1) × p in the sorted values (Excel's QUARTILE.INC). */
    public static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
