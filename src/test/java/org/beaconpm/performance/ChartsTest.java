package org.beaconpm.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.beaconpm.assessment.Status;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ChartsTest {

    private static final Charts.Format PLAIN =
            (value, decimals) -> value.setScale(decimals).toPlainString();

    @Test
    void escapesTheTitleTheDescriptionAndTheLabels() throws Exception {
        String svg = Charts.lineChart(
                "chart-1",
                "Rent <arrears> & \"evictions\" it's",
                "Summary </desc><script>alert(1)</script>",
                List.of(point("Q1 <b>", "1", "2"), point("Q2 & Q3", "2", "2")),
                PLAIN);

        assertThat(svg).doesNotContain("<script>", "<arrears>", "<b>");
        assertThat(svg)
                .contains(
                        "<title id=\"chart-1-title\">Rent &lt;arrears&gt; &amp; &quot;evictions&quot; it&#39;s</title>");
        assertThat(svg).contains("&lt;/desc&gt;&lt;script&gt;");
        assertThat(svg).contains(">Q2 &amp; Q3</text>");
        Document document = parse(svg);
        assertThat(document.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Rent <arrears> & \"evictions\" it's");
    }

    @Test
    void isAnImageNamedByItsTitleAndDescribedByItsDescription() throws Exception {
        String svg = Charts.lineChart("c", "Title", "Description", List.of(point("May 2025", "1", null)), PLAIN);

        Document document = parse(svg);
        var root = document.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("c-title");
        assertThat(root.getAttribute("aria-describedby")).isEqualTo("c-desc");
        assertThat(document.getElementsByTagName("desc").item(0).getTextContent())
                .isEqualTo("Description");
    }

    @Test
    void marksEachActualValueByItsStatusWithShapeAsWellAsColourAndSaysWhichInTheLegend() throws Exception {
        List<Charts.Point> points = List.of(
                new Charts.Point("Apr", new BigDecimal("12"), new BigDecimal("12"), new BigDecimal("12"), Status.GREEN),
                new Charts.Point(
                        "May", new BigDecimal("11.5"), new BigDecimal("12"), new BigDecimal("12"), Status.AMBER),
                new Charts.Point("Jun", new BigDecimal("9"), new BigDecimal("12"), new BigDecimal("12"), Status.RED),
                new Charts.Point("Jul", new BigDecimal("9"), new BigDecimal("12"), new BigDecimal("12"), Status.RED));

        String svg = Charts.lineChart("c", "T", "D", points, PLAIN);
        Document document = parse(svg);

        // one marker each on the chart, and one of each status in the legend
        assertThat(markers(document, "green")).isEqualTo(1 + 1);
        assertThat(markers(document, "amber")).isEqualTo(1 + 1);
        assertThat(markers(document, "red")).isEqualTo(2 + 1);
        assertThat(svg).contains(">Green</text>", ">Amber</text>", ">Red</text>", ">Target</text>");
        // the target is drawn first, behind the actual line, and wider, so it shows where the two meet
        assertThat(svg.indexOf("beacon-chart__target")).isLessThan(svg.indexOf("beacon-chart__actual"));
        assertThat(svg)
                .containsPattern("beacon-chart__target\" fill=\"none\" stroke=\"#[0-9a-f]+\" stroke-width=\"6\"");
    }

    private static int markers(Document document, String kind) {
        var nodes = document.getElementsByTagName("*");
        int count = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            var type = nodes.item(i).getAttributes().getNamedItem("class");
            if (type != null && type.getNodeValue().contains("beacon-chart__marker--" + kind)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void drawsOnePointPerActualValueAndBreaksTheLineWhereOneIsMissing() throws Exception {
        List<Charts.Point> points = List.of(
                point("Apr", "10", "12"),
                point("May", "11", "12"),
                point("Jun", null, "12"),
                point("Jul", "13", "12"),
                point("Aug", "14", "12"),
                point("Sep", "15", "12"));

        Document document = parse(Charts.lineChart("c", "T", "D", points, PLAIN));

        List<String> actualLines = polylinePoints(document, "beacon-chart__actual");
        assertThat(actualLines).hasSize(2);
        assertThat(actualLines.get(0).split(" ")).hasSize(2);
        assertThat(actualLines.get(1).split(" ")).hasSize(3);
        // one marker for each actual value; unrated values are not in the legend
        assertThat(markers(document, "other")).isEqualTo(5);
        List<String> targetLines = polylinePoints(document, "beacon-chart__target");
        assertThat(targetLines).singleElement().satisfies(line -> assertThat(line.split(" "))
                .hasSize(6));
        assertThat(document.getElementsByTagName("polyline")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("stroke-dasharray"))
                .isNotNull();
    }

    @Test
    void drawsBothEndsOfATargetRange() throws Exception {
        List<Charts.Point> points = List.of(
                new Charts.Point("Q1", new BigDecimal("5"), new BigDecimal("4"), new BigDecimal("6")),
                new Charts.Point("Q2", new BigDecimal("7"), new BigDecimal("4"), new BigDecimal("6")));

        Document document = parse(Charts.lineChart("c", "T", "D", points, PLAIN));

        assertThat(polylinePoints(document, "beacon-chart__target-low")).hasSize(1);
        assertThat(polylinePoints(document, "beacon-chart__target-high")).hasSize(1);
        assertThat(textsOf(document)).contains("Target range");
    }

    @Test
    void labelsTheYAxisInRoundStepsThatCoverEveryFigure() throws Exception {
        List<Charts.Point> points =
                List.of(point("A", "61.5", "60"), point("B", "58.2", "60"), point("C", "64.9", "60"));

        List<String> texts = textsOf(parse(Charts.lineChart("c", "T", "D", points, PLAIN)));

        assertThat(texts).containsSubsequence("58", "60", "62", "64", "66");
    }

    @Test
    void startsTheYAxisAtZeroWhenTheFiguresComeNearIt() throws Exception {
        List<Charts.Point> points = List.of(point("A", "3", null), point("B", "40", null));

        List<String> texts = textsOf(parse(Charts.lineChart("c", "T", "D", points, PLAIN)));

        assertThat(texts).containsSubsequence("0", "10", "20", "30", "40");
    }

    @Test
    void labelsEveryFewPeriodsCountingBackFromTheLatest() throws Exception {
        List<Charts.Point> points = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            points.add(point("P" + i, String.valueOf(i), null));
        }

        List<String> texts = textsOf(parse(Charts.lineChart("c", "T", "D", points, PLAIN)));

        assertThat(texts).contains("P24", "P20", "P4").doesNotContain("P23", "P1");
        assertThat(texts.stream().filter(t -> t.startsWith("P")).count()).isLessThanOrEqualTo(6);
    }

    @Test
    void aSparklineIsHiddenFromAssistiveTechnologyAndSkipsMissingValues() {
        String svg = Charts.sparkline(Arrays.asList(
                new BigDecimal("1"), new BigDecimal("2"), null, new BigDecimal("3"), new BigDecimal("4")));

        assertThat(svg).contains("aria-hidden=\"true\"").contains("focusable=\"false\"");
        Matcher polylines = Pattern.compile("<polyline[^>]*points=\"([^\"]*)\"").matcher(svg);
        List<Integer> sizes = new ArrayList<>();
        while (polylines.find()) {
            sizes.add(polylines.group(1).split(" ").length);
        }
        assertThat(sizes).containsExactly(2, 2);
    }

    @Test
    void aSparklineWithoutValuesIsEmpty() {
        assertThat(Charts.sparkline(Arrays.asList(null, null))).isEmpty();
    }

    @Test
    void escapingDropsCharactersThatXmlForbids() {
        assertThat(Charts.escape("a\u0001b\tc")).isEqualTo("ab\tc");
        assertThat(Charts.escape(null)).isEmpty();
    }

    private static Charts.Point point(String label, String actual, String target) {
        return new Charts.Point(
                label,
                actual == null ? null : new BigDecimal(actual),
                target == null ? null : new BigDecimal(target),
                target == null ? null : new BigDecimal(target));
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<String> polylinePoints(Document document, String className) {
        List<String> found = new ArrayList<>();
        var lines = document.getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            var attributes = lines.item(i).getAttributes();
            var type = attributes.getNamedItem("class");
            if (type != null && type.getNodeValue().equals(className)) {
                found.add(attributes.getNamedItem("points").getNodeValue());
            }
        }
        return found;
    }

    private static List<String> textsOf(Document document) {
        List<String> texts = new ArrayList<>();
        var nodes = document.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
