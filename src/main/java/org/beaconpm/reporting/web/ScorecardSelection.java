package org.beaconpm.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.beaconpm.assessment.Status;
import org.beaconpm.performance.RatedPerformance;

/**
 * Which of a scorecard's indicators its page shows: those of one status, those at risk, or all; a page of
 * {@link #PAGE_SIZE} at a time. A county's scorecard has 2,000 indicators, too many to read (or send) at once; the
 * counts by status above the table lead to each status's indicators.
 */
record ScorecardSelection(String show, int page) {

    static final int PAGE_SIZE = 100;

    static final String ALL = "all";
    static final String AT_RISK = "at-risk";

    /** What {@code show} may be: all, at risk, or a status as in the address ({@code red}, {@code no-target}). */
    static Optional<ScorecardSelection> of(String show, String page) {
        String chosen = show == null || show.isBlank() ? ALL : show.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals(ALL) && !chosen.equals(AT_RISK) && status(chosen).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScorecardSelection(chosen, pageNumber(page)));
    }

    /** A choice of the form's "Show" list. */
    record Option(String value, String label) {}

    /** The form's choices: all, each status best first, then at risk. */
    static List<Option> options() {
        List<Option> options = new ArrayList<>();
        options.add(new Option(ALL, "All indicators"));
        for (Status status : Status.values()) {
            options.add(new Option(slug(status), status.label()));
        }
        options.add(new Option(AT_RISK, "At risk"));
        return options;
    }

    /** How a status reads in the address: {@code NO_TARGET} is {@code no-target}. */
    static String slug(Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The lines chosen, all pages. */
    List<RatedPerformance> chosen(List<RatedPerformance> lines) {
        return lines.stream().filter(filter()).toList();
    }

    /** The lines of this page out of those chosen; a page past the last shows the last. */
    List<RatedPerformance> pageOf(List<RatedPerformance> chosen) {
        int from = (effectivePage(chosen.size()) - 1) * PAGE_SIZE;
        return chosen.subList(from, Math.min(chosen.size(), from + PAGE_SIZE));
    }

    /** The page shown for this many chosen lines: the one asked for, or the last there is. */
    int effectivePage(int chosen) {
        return Math.min(page, pages(chosen));
    }

    static int pages(int chosen) {
        return Math.max(1, (chosen + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The page numbers to link to: the first, the last, and those either side of the current; 0 marks a gap. */
    static List<Integer> pageLinks(int current, int pages) {
        List<Integer> links = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - current) <= 1) {
                links.add(p);
            } else if (links.get(links.size() - 1) != 0) {
                links.add(0);
            }
        }
        return links;
    }

    /** What is shown, in words for the heading: "Red indicators", "Indicators at risk", "Indicators". */
    public String description() {
        if (show.equals(ALL)) {
            return "Indicators";
        }
        if (show.equals(AT_RISK)) {
            return "Indicators at risk";
        }
        Status status = status(show).orElseThrow();
        return switch (status) {
            case NO_TARGET -> "Indicators with no target";
            case MISSING -> "Indicators with a missing value";
            case DATA_ONLY -> "Data only indicators";
            default -> status.label() + " indicators";
        };
    }

    private Predicate<RatedPerformance> filter() {
        if (show.equals(ALL)) {
            return line -> true;
        }
        if (show.equals(AT_RISK)) {
            return RatedPerformance::atRisk;
        }
        Status status = status(show).orElseThrow();
        return line -> line.status() == status;
    }

    private static Optional<Status> status(String slug) {
        for (Status status : Status.values()) {
            if (slug(status).equals(slug)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static int pageNumber(String page) {
        if (page == null || !page.strip().matches("[0-9]{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(page.strip()));
    }
}
