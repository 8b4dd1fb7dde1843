package org.beaconpm.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;

/** Deque's axe-core run on the page as it stands, failing with every violation of WCAG 2.2 A and AA it finds. */
final class Axe {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Axe() {}

    static void assertNoViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
        Assertions.assertThat(results.isErrored())
                .as("axe-core failed on %s: %s", page.url(), results.getErrorMessage())
                .isFalse();
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            Assertions.fail("%d accessibility violation(s) on %s (%s):%n%s"
                    .formatted(
                            violations.size(),
                            page.url(),
                            page.title(),
                            violations.stream()
                                    .map(Axe::describe)
                                    .collect(Collectors.joining(System.lineSeparator()))));
        }
    }

    private static String describe(Rule violation) {
        String elements =
                violation.getNodes().stream().map(Axe::describe).collect(Collectors.joining(System.lineSeparator()));
        return "- %s (%s): %s%n  %s%n%s"
                .formatted(
                        violation.getId(),
                        violation.getImpact(),
                        violation.getHelp(),
                        violation.getHelpUrl(),
                        elements);
    }

    private static String describe(CheckedNode node) {
        String target = node.getTarget() instanceof List<?> selectors
                ? selectors.stream().map(String::valueOf).collect(Collectors.joining(" >>> "))
                : String.valueOf(node.getTarget());
        String summary = node.getFailureSummary() == null
                ? ""
                : node.getFailureSummary().replace("\n", " ").strip();
        return "    at %s: %s%n      %s".formatted(target, node.getHtml(), summary);
    }
}
