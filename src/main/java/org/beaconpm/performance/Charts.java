package org.beaconpm.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.beaconpm.assessment.Status;

/**
 * Charts as inline SVG, drawn here without a library so the page needs no script and the same markup serves a PDF.
 * Every text is escaped; every chart comes with a data table on the page, so its {@code <desc>} only summarises.
 */
public final class Charts {

    /** Writes a figure with a number of decimals, as {@code Measure::format} does. */
    @FunctionalInterface
    public interface Format {
        String apply(BigDecimal value, int decimals);
    }

    /**
     * One period on a chart; the actual value and either end of the target may be missing, and the status is the
     * actual value's rating (null where it has none to show).
     */
    public record Point(String label, BigDecimal actual, BigDecimal targetLow, BigDecimal targetHigh, Status status) {

        public Point(String label, BigDecimal actual, BigDecimal targetLow, BigDecimal targetHigh) {
            this(label, actual, targetLow, targetHigh, null);
        }
    }

    /** How a rated value is marked: by shape as well as colour, so the status reads without colour. */
    enum Marker {
        GREEN("#00703c", "Green"),
        AMBER("#a35200", "Amber"),
        RED("#d4351c", "Red"),
        OTHER(ACTUAL_COLOUR, null);

        final String colour;
        final String label;

        Marker(String colour, String label) {
            this.colour = colour;
            this.label = label;
        }

        static Marker of(Status status) {
            if (status == null) {
                return OTHER;
            }
            return switch (status) {
                case GREEN -> GREEN;
                case AMBER -> AMBER;
                case RED -> RED;
                default -> OTHER;
            };
        }

        /** A circle for Green, a diamond for Amber, a triangle for Red, a small dot otherwise. */
        void draw(StringBuilder svg, double x, double y) {
            switch (this) {
                case GREEN ->
                    svg.append("<circle cx=\"")
                            .append(number(x))
                            .append("\" cy=\"")
                            .append(number(y))
                            .append("\" r=\"5\"");
                case AMBER ->
                    svg.append("<polygon points=\"")
                            .append(number(x) + "," + number(y - 6) + " " + number(x + 6) + "," + number(y) + " ")
                            .append(number(x) + "," + number(y + 6) + " " + number(x - 6) + "," + number(y))
                            .append('"');
                case RED ->
                    svg.append("<polygon points=\"")
                            .append(number(x) + "," + number(y - 6) + " " + number(x + 6) + "," + number(y + 5) + " ")
                            .append(number(x - 6) + "," + number(y + 5))
                            .append('"');
                case OTHER ->
                    svg.append("<circle cx=\"")
                            .append(number(x))
                            .append("\" cy=\"")
                            .append(number(y))
                            .append("\" r=\"3\"");
            }
            svg.append(" class=\"beacon-chart__marker beacon-chart__marker--")
                    .append(name().toLowerCase(Locale.ROOT))
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
        }
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final int LEFT = 84;
    private static final int RIGHT = 24;
    private static final int TOP = 36;
    private static final int BOTTOM = 48;
    private static final int MAX_LABELS = 6;
    private static final String ACTUAL_COLOUR = "#1d70b8";
    /** The target is drawn behind the actual line and wider, so it shows on both sides where they meet. */
    private static final int TARGET_WIDTH = 6;

    private static final String TARGET_DASH = "10 6";
    private static final String TARGET_COLOUR = "#505a5f";
    private static final String GRID_COLOUR = "#b1b4b6";
    private static final String TEXT_COLOUR = "#0b0c0c";

    private Charts() {}

    /**
     * A line of the actual values against a dashed target line (two for a range), with value labels on the Y axis and
     * period labels on the X axis. {@code id} makes the title and description ids unique on the page.
     */
    public static String lineChart(String id, String title, String description, List<Point> points, Format format) {
        String titleId = id + "-title";
        String descId = id + "-desc";
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"beacon-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(escape(titleId))
                .append("\" aria-describedby=\"")
                .append(escape(descId))
                .append("\" font-family=\"Helvetica Neue, Arial, sans-serif\" font-size=\"13\">")
                .append("<title id=\"")
                .append(escape(titleId))
                .append("\">")
                .append(escape(title))
                .append("</title><desc id=\"")
                .append(escape(descId))
                .append("\">")
                .append(escape(description))
                .append("</desc>");

        Scale scale = Scale.of(figures(points));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int n = points.size();

        for (int i = 0; i <= scale.steps(); i++) {
            BigDecimal tick = scale.tick(i);
            double y = TOP + plotHeight - plotHeight * (tick.doubleValue() - scale.low()) / scale.span();
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(number(y))
                    .append("\" y2=\"")
                    .append(number(y))
                    .append("\" stroke=\"")
                    .append(GRID_COLOUR)
                    .append("\" stroke-width=\"1\"/>")
                    .append("<text x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(number(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"")
                    .append(TEXT_COLOUR)
                    .append("\">")
                    .append(escape(format.apply(tick, scale.decimals())))
                    .append("</text>");
        }

        int every = Math.max(1, (int) Math.ceil(n / (double) MAX_LABELS));
        for (int i = 0; i < n; i++) {
            if ((n - 1 - i) % every != 0) {
                continue; // label every few periods, counting back from the latest
            }
            svg.append("<text x=\"")
                    .append(number(x(i, n, plotWidth)))
                    .append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 20)
                    .append("\" text-anchor=\"middle\" fill=\"")
                    .append(TEXT_COLOUR)
                    .append("\">")
                    .append(escape(points.get(i).label()))
                    .append("</text>");
        }

        boolean range = points.stream()
                .anyMatch(p -> p.targetLow() != null
                        && p.targetHigh() != null
                        && p.targetLow().compareTo(p.targetHigh()) != 0);
        boolean anyTarget = points.stream().anyMatch(p -> p.targetLow() != null || p.targetHigh() != null);
        if (range) {
            line(
                    svg,
                    "target-low",
                    points.stream().map(Point::targetLow).toList(),
                    scale,
                    plotWidth,
                    plotHeight,
                    TARGET_COLOUR,
                    true,
                    false);
            line(
                    svg,
                    "target-high",
                    points.stream().map(Point::targetHigh).toList(),
                    scale,
                    plotWidth,
                    plotHeight,
                    TARGET_COLOUR,
                    true,
                    false);
        } else if (anyTarget) {
            line(
                    svg,
                    "target",
                    points.stream()
                            .map(p -> p.targetLow() != null ? p.targetLow() : p.targetHigh())
                            .toList(),
                    scale,
                    plotWidth,
                    plotHeight,
                    TARGET_COLOUR,
                    true,
                    false);
        }
        line(
                svg,
                "actual",
                points.stream().map(Point::actual).toList(),
                scale,
                plotWidth,
                plotHeight,
                ACTUAL_COLOUR,
                false,
                false);
        Set<Marker> shown = EnumSet.noneOf(Marker.class);
        for (int i = 0; i < n; i++) {
            Point point = points.get(i);
            if (point.actual() != null) {
                Marker marker = Marker.of(point.status());
                marker.draw(svg, x(i, n, plotWidth), y(point.actual(), scale, plotHeight));
                shown.add(marker);
            }
        }

        legend(svg, anyTarget ? (range ? "Target range" : "Target") : null, shown);
        svg.append("</svg>");
        return svg.toString();
    }

    /** A small line of recent values for a table row that gives the figures, so hidden from assistive technology. */
    public static String sparkline(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(v -> v != null).toList();
        if (present.isEmpty()) {
            return "";
        }
        int width = 100;
        int height = 24;
        double low = present.stream().mapToDouble(BigDecimal::doubleValue).min().orElseThrow();
        double high =
                present.stream().mapToDouble(BigDecimal::doubleValue).max().orElseThrow();
        double span = high - low == 0 ? 1 : high - low;
        int n = values.size();
        StringBuilder svg = new StringBuilder(512);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"beacon-sparkline\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" aria-hidden=\"true\" focusable=\"false\">");
        List<String> segment = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            BigDecimal value = i < n ? values.get(i) : null;
            if (value != null) {
                double x = n == 1 ? width / 2.0 : 2 + (width - 4) * i / (double) (n - 1);
                double y = high - low == 0 ? height / 2.0 : 2 + (height - 4) * (high - value.doubleValue()) / span;
                segment.add(number(x) + "," + number(y));
                continue;
            }
            if (segment.size() == 1) {
                String[] xy = segment.get(0).split(",");
                svg.append("<circle cx=\"")
                        .append(xy[0])
                        .append("\" cy=\"")
                        .append(xy[1])
                        .append("\" r=\"2\" fill=\"")
                        .append(ACTUAL_COLOUR)
                        .append("\"/>");
            } else if (segment.size() > 1) {
                svg.append("<polyline fill=\"none\" stroke=\"")
                        .append(ACTUAL_COLOUR)
                        .append("\" stroke-width=\"2\" points=\"")
                        .append(String.join(" ", segment))
                        .append("\"/>");
            }
            segment.clear();
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** Text made safe for SVG (and HTML) content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab, newline and return are not allowed in XML at all.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Draws one series as polylines broken where a figure is missing, with a dot at each actual value. */
    private static void line(
            StringBuilder svg,
            String name,
            List<BigDecimal> figures,
            Scale scale,
            double plotWidth,
            double plotHeight,
            String colour,
            boolean dashed,
            boolean dots) {
        int n = figures.size();
        List<String> segment = new ArrayList<>();
        StringBuilder markers = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            BigDecimal figure = i < n ? figures.get(i) : null;
            if (figure != null) {
                double x = x(i, n, plotWidth);
                double y = TOP + plotHeight - plotHeight * (figure.doubleValue() - scale.low()) / scale.span();
                segment.add(number(x) + "," + number(y));
                if (dots) {
                    markers.append("<circle cx=\"")
                            .append(number(x))
                            .append("\" cy=\"")
                            .append(number(y))
                            .append("\" r=\"4\" fill=\"")
                            .append(colour)
                            .append("\"/>");
                }
                continue;
            }
            if (segment.size() == 1 && !dots) {
                // A lone target: a short dashed stroke across its period, so it still shows.
                String[] xy = segment.get(0).split(",");
                double x = Double.parseDouble(xy[0]);
                svg.append("<line class=\"beacon-chart__")
                        .append(name)
                        .append("\" x1=\"")
                        .append(number(x - 10))
                        .append("\" x2=\"")
                        .append(number(x + 10))
                        .append("\" y1=\"")
                        .append(xy[1])
                        .append("\" y2=\"")
                        .append(xy[1])
                        .append("\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-width=\"")
                        .append(TARGET_WIDTH)
                        .append("\" stroke-dasharray=\"")
                        .append(TARGET_DASH)
                        .append("\"/>");
            } else if (segment.size() > 1) {
                svg.append("<polyline class=\"beacon-chart__")
                        .append(name)
                        .append("\" fill=\"none\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-width=\"")
                        .append(dashed ? TARGET_WIDTH : 2)
                        .append('"');
                if (dashed) {
                    svg.append(" stroke-dasharray=\"").append(TARGET_DASH).append('"');
                }
                svg.append(" points=\"").append(String.join(" ", segment)).append("\"/>");
            }
            segment.clear();
        }
        svg.append(markers);
    }

    private static double y(BigDecimal figure, Scale scale, double plotHeight) {
        return TOP + plotHeight - plotHeight * (figure.doubleValue() - scale.low()) / scale.span();
    }

    private static void legend(StringBuilder svg, String target, Set<Marker> markers) {
        int y = 16;
        svg.append("<line x1=\"")
                .append(LEFT)
                .append("\" x2=\"")
                .append(LEFT + 28)
                .append("\" y1=\"")
                .append(y)
                .append("\" y2=\"")
                .append(y)
                .append("\" stroke=\"")
                .append(ACTUAL_COLOUR)
                .append("\" stroke-width=\"2\"/><text x=\"")
                .append(LEFT + 36)
                .append("\" y=\"")
                .append(y + 4)
                .append("\" fill=\"")
                .append(TEXT_COLOUR)
                .append("\">Actual</text>");
        if (target != null) {
            int x = LEFT + 110;
            svg.append("<line x1=\"")
                    .append(x)
                    .append("\" x2=\"")
                    .append(x + 28)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\" stroke=\"")
                    .append(TARGET_COLOUR)
                    .append("\" stroke-width=\"")
                    .append(TARGET_WIDTH)
                    .append("\" stroke-dasharray=\"")
                    .append(TARGET_DASH)
                    .append("\"/><text x=\"")
                    .append(x + 36)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" fill=\"")
                    .append(TEXT_COLOUR)
                    .append("\">")
                    .append(escape(target))
                    .append("</text>");
        }
        int x = LEFT + 240;
        for (Marker marker : markers) {
            if (marker.label == null) {
                continue;
            }
            marker.draw(svg, x + 6, y);
            svg.append("<text x=\"")
                    .append(x + 16)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" fill=\"")
                    .append(TEXT_COLOUR)
                    .append("\">")
                    .append(marker.label)
                    .append("</text>");
            x += 80;
        }
    }

    private static double x(int i, int n, double plotWidth) {
        double inset = 24;
        return n == 1 ? LEFT + plotWidth / 2 : LEFT + inset + (plotWidth - 2 * inset) * i / (n - 1);
    }

    private static List<BigDecimal> figures(List<Point> points) {
        List<BigDecimal> figures = new ArrayList<>();
        for (Point p : points) {
            for (BigDecimal figure : new BigDecimal[] {p.actual(), p.targetLow(), p.targetHigh()}) {
                if (figure != null) {
                    figures.add(figure);
                }
            }
        }
        return figures;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A Y axis from {@code low} in {@code steps} round steps of {@code step}, covering every figure. */
    record Scale(double low, double step, int steps, int decimals) {

        static Scale of(List<BigDecimal> figures) {
            double min =
                    figures.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
            double max =
                    figures.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
            if (min >= 0 && min <= max * 0.25) {
                min = 0;
            }
            if (max - min == 0) {
                double pad = max == 0 ? 1 : Math.abs(max) * 0.1;
                min -= pad;
                max += pad;
            }
            double rough = (max - min) / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double step = magnitude;
            for (double nice : new double[] {1, 2, 2.5, 5, 10}) {
                if (nice * magnitude >= rough) {
                    step = nice * magnitude;
                    break;
                }
            }
            double low = Math.floor(min / step) * step;
            int steps = Math.max(1, (int) Math.ceil((max - low) / step - 1e-9));
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9) + (step / magnitude == 2.5 ? 1 : 0));
            return new Scale(low, step, steps, decimals);
        }

        double span() {
            return step * steps;
        }

        BigDecimal tick(int i) {
            return BigDecimal.valueOf(low + step * i).setScale(decimals, RoundingMode.HALF_UP);
        }
    }
}
