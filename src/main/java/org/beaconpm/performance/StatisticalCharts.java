package org.beaconpm.performance;

import static org.beaconpm.performance.Charts.escape;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.beaconpm.assessment.XmrChart;

/**
 * Inline, escaped SVG for the statistical charts: an XmR chart, a ranked bar chart of a comparison group with one
 * member highlighted, and a funnel plot. Each has a title and description; the page gives the figures in a table.
 */
public final class StatisticalCharts {

    private static final int WIDTH = 720;
    private static final String LINE = "#1d70b8";
    private static final String LIMIT = "#505a5f";
    private static final String SPECIAL = "#d4351c";
    private static final String GRID = "#b1b4b6";
    private static final String TEXT = "#0b0c0c";
    private static final String HIGHLIGHT = "#0b0c0c";
    private static final String BAR = "#5694ca";

    private StatisticalCharts() {}

    /** A bar (or point) named by a label with its figure. */
    public record Bar(String label, BigDecimal value, boolean highlighted) {}

    /** A point of a funnel plot: its denominator and value (in the indicator's units). */
    public record FunnelPoint(String label, BigDecimal denominator, BigDecimal value, boolean highlighted) {}

    /** A funnel's limits at a denominator, in the indicator's units. */
    public record FunnelLimits(
            BigDecimal denominator, BigDecimal low998, BigDecimal low95, BigDecimal high95, BigDecimal high998) {}

    /**
     * An XmR chart: the values joined by a line, the mean as a solid line, the process limits dashed, and each point
     * that breaks a special-cause rule drawn as a larger square as well as in another colour.
     */
    public static String xmr(
            String id,
            String title,
            String description,
            List<String> labels,
            XmrChart chart,
            Function<BigDecimal, String> format) {
        int height = 320;
        int left = 72;
        int right = 110;
        int top = 20;
        int bottom = 44;
        double low = chart.lowerLimit().doubleValue();
        double high = chart.upperLimit().doubleValue();
        for (XmrChart.Point point : chart.points()) {
            low = Math.min(low, point.value().doubleValue());
            high = Math.max(high, point.value().doubleValue());
        }
        double pad = (high - low) * 0.05 + 1e-9;
        Axis axis = new Axis(low - pad, high + pad, top, height - bottom);
        StringBuilder svg = open(id, title, description, height);
        double plot = WIDTH - left - right;
        int n = chart.points().size();
        Function<Integer, Double> x = i -> left + (n == 1 ? plot / 2 : plot * i / (n - 1));
        horizontal(svg, axis.y(chart.mean().doubleValue()), left, WIDTH - right, LIMIT, null);
        label(svg, WIDTH - right + 6, axis.y(chart.mean().doubleValue()), "Mean " + format.apply(chart.mean()));
        horizontal(svg, axis.y(high(chart)), left, WIDTH - right, LIMIT, "8 5");
        label(svg, WIDTH - right + 6, axis.y(high(chart)), "Upper " + format.apply(chart.upperLimit()));
        horizontal(svg, axis.y(chart.lowerLimit().doubleValue()), left, WIDTH - right, LIMIT, "8 5");
        label(
                svg,
                WIDTH - right + 6,
                axis.y(chart.lowerLimit().doubleValue()),
                "Lower " + format.apply(chart.lowerLimit()));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            path.append(i == 0 ? "M" : " L")
                    .append(num(x.apply(i)))
                    .append(' ')
                    .append(num(axis.y(chart.points().get(i).value().doubleValue())));
        }
        svg.append("<path d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"")
                .append(LINE)
                .append("\" stroke-width=\"2\"/>");
        for (int i = 0; i < n; i++) {
            XmrChart.Point point = chart.points().get(i);
            double px = x.apply(i);
            double py = axis.y(point.value().doubleValue());
            if (point.isSpecialCause()) {
                svg.append("<rect x=\"")
                        .append(num(px - 5))
                        .append("\" y=\"")
                        .append(num(py - 5))
                        .append("\" width=\"10\" height=\"10\" fill=\"")
                        .append(SPECIAL)
                        .append("\"/>");
            } else {
                svg.append("<circle cx=\"")
                        .append(num(px))
                        .append("\" cy=\"")
                        .append(num(py))
                        .append("\" r=\"3.5\" fill=\"")
                        .append(LINE)
                        .append("\"/>");
            }
        }
        int every = Math.max(1, (int) Math.ceil(n / 6.0));
        for (int i = 0; i < n; i++) {
            if ((n - 1 - i) % every == 0) {
                svg.append("<text x=\"")
                        .append(num(x.apply(i)))
                        .append("\" y=\"")
                        .append(height - bottom + 20)
                        .append("\" text-anchor=\"middle\" fill=\"")
                        .append(TEXT)
                        .append("\">")
                        .append(escape(labels.get(i)))
                        .append("</text>");
            }
        }
        svg.append("<rect x=\"")
                .append(left)
                .append("\" y=\"")
                .append(height - 14)
                .append("\" width=\"10\" height=\"10\" fill=\"")
                .append(SPECIAL)
                .append("\"/><text x=\"")
                .append(left + 16)
                .append("\" y=\"")
                .append(height - 5)
                .append("\" fill=\"")
                .append(TEXT)
                .append("\">Special cause (square)</text>");
        return svg.append("</svg>").toString();
    }

    private static double high(XmrChart chart) {
        return chart.upperLimit().doubleValue();
    }

    /** A bar per member, best first, the highlighted one dark and outlined with its label in bold. */
    public static String bars(
            String id, String title, String description, List<Bar> bars, Function<BigDecimal, String> format) {
        int row = 22;
        int top = 10;
        int left = 190;
        int right = 90;
        int height = top * 2 + row * bars.size();
        double max =
                bars.stream().mapToDouble(b -> b.value().doubleValue()).max().orElse(1);
        double min = Math.min(
                0, bars.stream().mapToDouble(b -> b.value().doubleValue()).min().orElse(0));
        double span = max - min == 0 ? 1 : max - min;
        double plot = WIDTH - left - right;
        StringBuilder svg = open(id, title, description, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = top + i * row;
            double x0 = left + plot * (0 - min) / span;
            double x1 = left + plot * (bar.value().doubleValue() - min) / span;
            svg.append("<text x=\"")
                    .append(left - 8)
                    .append("\" y=\"")
                    .append(num(y + 15))
                    .append("\" text-anchor=\"end\" fill=\"")
                    .append(TEXT)
                    .append('"')
                    .append(bar.highlighted() ? " font-weight=\"bold\"" : "")
                    .append('>')
                    .append(escape(bar.label()))
                    .append("</text>");
            svg.append("<rect x=\"")
                    .append(num(Math.min(x0, x1)))
                    .append("\" y=\"")
                    .append(num(y + 3))
                    .append("\" width=\"")
                    .append(num(Math.max(1, Math.abs(x1 - x0))))
                    .append("\" height=\"")
                    .append(row - 6)
                    .append("\" fill=\"")
                    .append(bar.highlighted() ? HIGHLIGHT : BAR)
                    .append('"')
                    .append(bar.highlighted() ? " stroke=\"" + SPECIAL + "\" stroke-width=\"2\"" : "")
                    .append("/>");
            svg.append("<text x=\"")
                    .append(num(Math.max(x0, x1) + 6))
                    .append("\" y=\"")
                    .append(num(y + 15))
                    .append("\" fill=\"")
                    .append(TEXT)
                    .append("\">")
                    .append(escape(format.apply(bar.value())))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A funnel plot: each member's value against its denominator, inside the 95% and 99.8% limits. */
    public static String funnel(
            String id,
            String title,
            String description,
            List<FunnelPoint> points,
            List<FunnelLimits> limits,
            BigDecimal centre,
            Function<BigDecimal, String> format) {
        int height = 340;
        int left = 72;
        int right = 20;
        int top = 20;
        int bottom = 64;
        double maxX = 0;
        double low = centre.doubleValue();
        double high = centre.doubleValue();
        for (FunnelPoint p : points) {
            maxX = Math.max(maxX, p.denominator().doubleValue());
            low = Math.min(low, p.value().doubleValue());
            high = Math.max(high, p.value().doubleValue());
        }
        for (FunnelLimits l : limits) {
            low = Math.min(low, l.low998().doubleValue());
            high = Math.max(high, l.high998().doubleValue());
        }
        double pad = (high - low) * 0.05 + 1e-9;
        Axis axis = new Axis(low - pad, high + pad, top, height - bottom);
        double plot = WIDTH - left - right;
        double spanX = maxX * 1.05;
        Function<Double, Double> x = d -> left + plot * d / spanX;
        StringBuilder svg = open(id, title, description, height);
        horizontal(svg, axis.y(centre.doubleValue()), left, WIDTH - right, LIMIT, null);
        limitLine(svg, limits, x, axis, FunnelLimits::low95, "6 4");
        limitLine(svg, limits, x, axis, FunnelLimits::high95, "6 4");
        limitLine(svg, limits, x, axis, FunnelLimits::low998, "2 3");
        limitLine(svg, limits, x, axis, FunnelLimits::high998, "2 3");
        for (FunnelPoint p : points) {
            double px = x.apply(p.denominator().doubleValue());
            double py = axis.y(p.value().doubleValue());
            if (p.highlighted()) {
                svg.append("<rect x=\"")
                        .append(num(px - 6))
                        .append("\" y=\"")
                        .append(num(py - 6))
                        .append("\" width=\"12\" height=\"12\" fill=\"")
                        .append(HIGHLIGHT)
                        .append("\"/>");
            } else {
                svg.append("<circle cx=\"")
                        .append(num(px))
                        .append("\" cy=\"")
                        .append(num(py))
                        .append("\" r=\"4\" fill=\"")
                        .append(BAR)
                        .append("\"/>");
            }
        }
        svg.append("<text x=\"")
                .append(left)
                .append("\" y=\"")
                .append(height - bottom + 20)
                .append("\" fill=\"")
                .append(TEXT)
                .append("\">Denominator: 0 to ")
                .append(escape(String.format(Locale.UK, "%,.0f", maxX)))
                .append("</text><text x=\"")
                .append(left)
                .append("\" y=\"")
                .append(height - 12)
                .append("\" fill=\"")
                .append(TEXT)
                .append("\">Mean ")
                .append(escape(format.apply(centre)))
                .append(" (solid); 95% limits dashed; 99.8% dotted; highlighted: square</text>");
        return svg.append("</svg>").toString();
    }

    private static void limitLine(
            StringBuilder svg,
            List<FunnelLimits> limits,
            Function<Double, Double> x,
            Axis axis,
            Function<FunnelLimits, BigDecimal> which,
            String dash) {
        StringBuilder path = new StringBuilder();
        for (FunnelLimits l : limits) {
            path.append(path.isEmpty() ? "M" : " L")
                    .append(num(x.apply(l.denominator().doubleValue())))
                    .append(' ')
                    .append(num(axis.y(which.apply(l).doubleValue())));
        }
        svg.append("<path d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"")
                .append(LIMIT)
                .append("\" stroke-dasharray=\"")
                .append(dash)
                .append("\" stroke-width=\"1.5\"/>");
    }

    private record Axis(double low, double high, double top, double bottom) {
        double y(double value) {
            return bottom - (bottom - top) * (value - low) / (high - low);
        }
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"beacon-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(escape(id))
                .append("-title\" aria-describedby=\"")
                .append(escape(id))
                .append("-desc\" font-family=\"Helvetica Neue, Arial, sans-serif\" font-size=\"13\"><title id=\"")
                .append(escape(id))
                .append("-title\">")
                .append(escape(title))
                .append("</title><desc id=\"")
                .append(escape(id))
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
        return svg;
    }

    private static void horizontal(StringBuilder svg, double y, double x1, double x2, String colour, String dash) {
        svg.append("<line x1=\"")
                .append(num(x1))
                .append("\" x2=\"")
                .append(num(x2))
                .append("\" y1=\"")
                .append(num(y))
                .append("\" y2=\"")
                .append(num(y))
                .append("\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"1.5\"")
                .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                .append("/>");
    }

    private static void label(StringBuilder svg, double x, double y, String text) {
        svg.append("<text x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y + 4))
                .append("\" fill=\"")
                .append(TEXT)
                .append("\">")
                .append(escape(text))
                .append("</text>");
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
