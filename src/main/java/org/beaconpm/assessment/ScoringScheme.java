package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a plan scores its nodes: the points a Green, Amber and Red member scores, and the scores from which a node is
 * Green ({@code greenFrom}) and Amber ({@code amberFrom}). Points and thresholds run from 0 to 100; Green scores at
 * least Amber, Amber at least Red, and the Green threshold is at least the Amber one.
 */
public record ScoringScheme(
        BigDecimal greenPoints,
        BigDecimal amberPoints,
        BigDecimal redPoints,
        BigDecimal greenFrom,
        BigDecimal amberFrom) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Green 100, Amber 50, Red 0; Green at 80 or more, Amber at 50 or more. */
    public static final ScoringScheme STANDARD = new ScoringScheme(
            BigDecimal.valueOf(100),
            BigDecimal.valueOf(50),
            BigDecimal.ZERO,
            BigDecimal.valueOf(80),
            BigDecimal.valueOf(50));

    public ScoringScheme {
        List<String> problems = problems(greenPoints, amberPoints, redPoints, greenFrom, amberFrom);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * What is wrong with a scheme, each as field, a colon and the reason, with the fields {@code green_points}, {@code amber_points},
     * {@code red_points}, {@code green_from} and {@code amber_from}; empty when it is sound.
     */
    public static List<String> problems(
            BigDecimal greenPoints,
            BigDecimal amberPoints,
            BigDecimal redPoints,
            BigDecimal greenFrom,
            BigDecimal amberFrom) {
        List<String> problems = new ArrayList<>();
        inRange("green_points", greenPoints, problems);
        inRange("amber_points", amberPoints, problems);
        inRange("red_points", redPoints, problems);
        inRange("green_from", greenFrom, problems);
        inRange("amber_from", amberFrom, problems);
        if (problems.isEmpty()) {
            if (amberPoints.compareTo(greenPoints) > 0) {
                problems.add("amber_points: an Amber member cannot score more than a Green one");
            }
            if (redPoints.compareTo(amberPoints) > 0) {
                problems.add("red_points: a Red member cannot score more than an Amber one");
            }
            if (amberFrom.compareTo(greenFrom) > 0) {
                problems.add("amber_from: the Amber threshold cannot be above the Green one");
            }
        }
        return problems;
    }

    private static void inRange(String field, BigDecimal value, List<String> problems) {
        if (value == null) {
            problems.add(field + ": give a number from 0 to 100");
        } else if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            problems.add(field + ": " + value.stripTrailingZeros().toPlainString() + " is not from 0 to 100");
        }
    }

    /** The points a member of this status scores; none for an unrated member. */
    public BigDecimal points(BasketStatus status) {
        return switch (status) {
            case GREEN -> greenPoints;
            case AMBER -> amberPoints;
            case RED -> redPoints;
            case NONE -> null;
        };
    }

    /** The status of a node with this score; {@link BasketStatus#NONE} for no score. */
    public BasketStatus statusOf(BigDecimal score) {
        if (score == null) {
            return BasketStatus.NONE;
        }
        if (score.compareTo(greenFrom) >= 0) {
            return BasketStatus.GREEN;
        }
        return score.compareTo(amberFrom) >= 0 ? BasketStatus.AMBER : BasketStatus.RED;
    }
}
