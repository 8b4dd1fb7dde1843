package org.beaconpm.risks.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.performance.Charts;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.risks.HeatMap;
import org.beaconpm.risks.Risk;
import org.beaconpm.risks.RiskBand;
import org.beaconpm.risks.RiskDates;
import org.beaconpm.risks.RiskMatrix;
import org.beaconpm.risks.RiskRegister;
import org.beaconpm.risks.RiskReview;
import org.beaconpm.risks.Risks;
import org.beaconpm.risks.Score;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk pages: the registers with what is above appetite and overdue, a register's heat map and risks, one risk
 * with its reviews and their trend, the review form, and the import.
 */
@Controller
class RisksController {

    /** A score as a page shows it: {@code 16}, its band, and its levels in words. */
    record ScoreText(int value, RiskBand band, String levels) {

        static ScoreText of(RiskMatrix matrix, Score score) {
            return score == null
                    ? null
                    : new ScoreText(
                            score.value(),
                            matrix.band(score),
                            matrix.likelihoodLabel(score.likelihood()) + " (" + score.likelihood() + ") × "
                                    + matrix.impactLabel(score.impact()) + " (" + score.impact() + ")");
        }
    }

    /** A risk as a row of a list. */
    record RiskRow(
            String code,
            String title,
            String register,
            String registerCode,
            String ownerUnit,
            String owner,
            String category,
            ScoreText inherent,
            ScoreText residual,
            ScoreText target,
            String appetite,
            boolean aboveAppetite,
            String reviewDate,
            boolean overdue) {}

    /** A register as a row of the list of registers. */
    record RegisterRow(
            String code,
            String name,
            String kind,
            String ownerUnit,
            String matrix,
            int risks,
            int above,
            int overdue) {}

    record ReviewRow(String date, String by, ScoreText inherent, ScoreText residual, String note, String next) {}

    /** The review form as typed. */
    record ReviewForm(
            String reviewedOn,
            String residualLikelihood,
            String residualImpact,
            String inherentLikelihood,
            String inherentImpact,
            String note,
            String nextReviewDate,
            Integer version) {}

    private final Risks risks;
    private final OrganisationStructure structure;
    private final Clock clock;

    RisksController(Risks risks, OrganisationStructure structure, Clock clock) {
        this.risks = risks;
        this.structure = structure;
        this.clock = clock;
    }

    @GetMapping("/risks")
    String index(Model model) {
        List<Risks.Entry> all = risks.risks(null);
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> units = unitNames();
        List<RegisterRow> registers = new ArrayList<>();
        for (RiskRegister register : risks.registers()) {
            List<Risks.Entry> of = all.stream()
                    .filter(entry -> entry.register().id() == register.id())
                    .toList();
            registers.add(new RegisterRow(
                    register.code(),
                    register.name(),
                    register.kind().label(),
                    units.get(register.ownerUnitId()),
                    register.matrix().size() + " × " + register.matrix().size(),
                    of.size(),
                    (int) of.stream().filter(Risks.Entry::aboveAppetite).count(),
                    (int) of.stream()
                            .filter(entry -> entry.risk().reviewOverdue(today))
                            .count()));
        }
        model.addAttribute("registers", registers);
        model.addAttribute(
                "above",
                all.stream()
                        .filter(Risks.Entry::aboveAppetite)
                        .sorted(Comparator.comparing((Risks.Entry entry) ->
                                        entry.risk().residual().value())
                                .reversed())
                        .map(entry -> row(entry, units, today))
                        .toList());
        model.addAttribute(
                "overdue",
                all.stream()
                        .filter(entry -> entry.risk().reviewOverdue(today))
                        .sorted(Comparator.comparing(entry -> entry.risk().reviewDate()))
                        .map(entry -> row(entry, units, today))
                        .toList());
        model.addAttribute("mayImport", all.stream().anyMatch(risks::mayChange) || mayManageAny());
        return "risks/index";
    }

    @GetMapping("/risks/registers/{code}")
    String register(@PathVariable String code, @RequestParam(required = false) String scores, Model model) {
        RiskRegister register = risks.register(code);
        HeatMap.Basis basis = HeatMap.Basis.fromCode(scores);
        List<Risks.Entry> entries = risks.risks(register.code());
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> units = unitNames();
        HeatMap map = HeatMap.of(
                register.matrix(),
                basis,
                entries.stream()
                        .map(entry -> new HeatMap.Placed(
                                entry.risk().code(), entry.risk().score(basis)))
                        .toList());
        model.addAttribute("register", register);
        model.addAttribute("ownerUnit", units.get(register.ownerUnitId()));
        model.addAttribute("basis", basis);
        model.addAttribute("bases", HeatMap.Basis.values());
        model.addAttribute("map", map);
        model.addAttribute("bands", bandRanges(register.matrix()));
        model.addAttribute(
                "appetite",
                register.appetite().maxScores().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey().label() + ": up to " + e.getValue())
                        .toList());
        model.addAttribute(
                "risks", entries.stream().map(entry -> row(entry, units, today)).toList());
        return "risks/register";
    }

    @GetMapping("/risks/{code}")
    String risk(@PathVariable String code, Model model) {
        Risks.Entry entry = risks.risk(code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", blankForm(entry));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return page(entry, model);
    }

    @PostMapping("/risks/{code}/reviews")
    String review(@PathVariable String code, ReviewForm form, Model model, RedirectAttributes redirect) {
        Risks.Entry entry = risks.risk(code);
        try {
            risks.recordReview(
                    entry.risk().code(),
                    new Risks.ReviewEntry(
                            form.reviewedOn(),
                            form.inherentLikelihood(),
                            form.inherentImpact(),
                            form.residualLikelihood(),
                            form.residualImpact(),
                            form.note(),
                            form.nextReviewDate()),
                    form.version());
        } catch (EntryRefused refused) {
            model.addAttribute("form", form);
            model.addAttribute("errors", refused.errors());
            return page(entry, model);
        } catch (StaleEdit stale) {
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of(new FormError("residualLikelihood", stale.getMessage())));
            return page(entry, model);
        }
        redirect.addFlashAttribute("flash", "Review of " + entry.risk().code() + " recorded");
        return "redirect:/risks/" + entry.risk().code().replace(" ", "%20") + "#reviews";
    }

    @GetMapping("/risks/import")
    String importForm(Model model) {
        model.addAttribute("errors", List.of());
        return "risks/import";
    }

    @PostMapping("/risks/import")
    String importFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        model.addAttribute("errors", List.of());
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(new FormError("file", "Choose a CSV file")));
            return "risks/import";
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("summary", risks.importRisks(reader, dryRun));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        return "risks/import";
    }

    private String page(Risks.Entry entry, Model model) {
        Risk risk = entry.risk();
        RiskMatrix matrix = entry.matrix();
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> units = unitNames();
        model.addAttribute("entry", entry);
        model.addAttribute("risk", risk);
        model.addAttribute("row", row(entry, units, today));
        model.addAttribute("matrix", matrix);
        List<Indicator> linked = risks.indicatorsOf(risk);
        model.addAttribute("indicators", linked);
        List<RiskReview> reviews = risks.reviews(entry);
        model.addAttribute(
                "reviews",
                reviews.stream()
                        .map(review -> new ReviewRow(
                                RiskDates.write(review.reviewedOn()),
                                review.reviewedByName(),
                                ScoreText.of(matrix, review.inherent()),
                                ScoreText.of(matrix, review.residual()),
                                review.note(),
                                RiskDates.write(review.nextReviewDate())))
                        .toList());
        model.addAttribute("chart", reviews.size() < 2 ? null : trend(entry, reviews));
        model.addAttribute("mayChange", risks.mayChange(entry));
        model.addAttribute("likelihoods", levels(matrix.likelihoodLabels()));
        model.addAttribute("impacts", levels(matrix.impactLabels()));
        @SuppressWarnings("unchecked")
        List<FormError> errors = (List<FormError>) model.getAttribute("errors");
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        model.addAttribute("fieldErrors", byField);
        return "risks/view";
    }

    /** The residual score at each review, oldest first, against the target score. */
    private static String trend(Risks.Entry entry, List<RiskReview> newestFirst) {
        List<RiskReview> reviews = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(reviews);
        Score target = entry.risk().target();
        BigDecimal targetScore = target == null ? null : BigDecimal.valueOf(target.value());
        List<Charts.Point> points = reviews.stream()
                .map(review -> new Charts.Point(
                        RiskDates.write(review.reviewedOn()),
                        BigDecimal.valueOf(review.residual().value()),
                        targetScore,
                        targetScore))
                .toList();
        RiskReview first = reviews.get(0);
        RiskReview last = reviews.get(reviews.size() - 1);
        String description = "Line chart of the residual score of "
                + entry.risk().code() + " at each of its "
                + reviews.size() + " reviews, from " + first.residual().value() + " on "
                + RiskDates.write(first.reviewedOn()) + " to " + last.residual().value() + " on "
                + RiskDates.write(last.reviewedOn()) + (target == null ? "" : ", against a target of " + target.value())
                + ". The table of the reviews, below the chart, gives every score.";
        return Charts.lineChart(
                "risk-trend",
                entry.risk().code() + ": residual score at each review",
                description,
                points,
                (value, decimals) ->
                        value.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    private RiskRow row(Risks.Entry entry, Map<Long, String> units, LocalDate today) {
        Risk risk = entry.risk();
        RiskMatrix matrix = entry.matrix();
        return new RiskRow(
                risk.code(),
                risk.title(),
                entry.register().name(),
                entry.register().code(),
                units.get(risk.ownerUnitId()),
                risks.ownerName(risk),
                risk.category().label(),
                ScoreText.of(matrix, risk.inherent()),
                ScoreText.of(matrix, risk.residual()),
                ScoreText.of(matrix, risk.target()),
                entry.appetite().map(max -> "Up to " + max).orElse("None set"),
                entry.aboveAppetite(),
                RiskDates.write(risk.reviewDate()),
                risk.reviewOverdue(today));
    }

    private static ReviewForm blankForm(Risks.Entry entry) {
        Score residual = entry.risk().residual();
        return new ReviewForm(
                "",
                Integer.toString(residual.likelihood()),
                Integer.toString(residual.impact()),
                "",
                "",
                "",
                "",
                entry.risk().version());
    }

    /** The levels of a matrix as a select offers them: {@code 4 – Likely}, highest first. */
    private static List<Map.Entry<String, String>> levels(List<String> labels) {
        List<Map.Entry<String, String>> levels = new ArrayList<>();
        for (int i = labels.size(); i >= 1; i--) {
            levels.add(Map.entry(Integer.toString(i), i + " – " + labels.get(i - 1)));
        }
        return levels;
    }

    /** Each band with the scores it spans on the matrix: {@code Very high: 16 to 25}. */
    private static List<String> bandRanges(RiskMatrix matrix) {
        Map<RiskBand, int[]> ranges = new LinkedHashMap<>();
        for (int score = 1; score <= matrix.maxScore(); score++) {
            int s = score;
            ranges.compute(
                    matrix.band(score), (band, range) -> range == null ? new int[] {s, s} : new int[] {range[0], s});
        }
        List<String> out = new ArrayList<>();
        ranges.forEach((band, range) -> out.add(band.label() + ": " + range[0] + " to " + range[1]));
        java.util.Collections.reverse(out);
        return out;
    }

    private boolean mayManageAny() {
        return risks.registers().stream().anyMatch(risks::mayManage);
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        structure.allUnits().forEach(unit -> names.put(unit.id(), unit.name()));
        return names;
    }
}
