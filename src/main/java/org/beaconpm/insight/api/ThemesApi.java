package org.beaconpm.insight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.assessment.Status;
import org.beaconpm.insight.Cause;
import org.beaconpm.insight.ThemeSpan;
import org.beaconpm.insight.Themes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Themes over the API: Red and Amber indicators by the causes their narratives are tagged with. */
@RestController
@Tag(name = "Themes", description = "Red and Amber indicators by cause, across services and periods")
class ThemesApi {

    record ItemView(
            String indicator,
            String title,
            String unit,
            String period,
            Status status,
            String narrative,
            List<String> causes,
            List<String> suggested) {

        static ItemView of(Themes.Item item) {
            return new ItemView(
                    item.code(),
                    item.title(),
                    item.unit(),
                    item.period().code(),
                    item.status(),
                    item.narrative(),
                    item.causes().stream().map(Cause::code).toList(),
                    item.suggested().stream().map(Cause::code).toList());
        }
    }

    record ThemeView(String cause, String name, int red, int amber, int services, int periods, List<ItemView> items) {}

    record ThemesView(String from, String to, List<ThemeView> themes, List<ItemView> untagged) {}

    private final Themes themes;
    private final Clock clock;

    ThemesApi(Themes themes, Clock clock) {
        this.themes = themes;
        this.clock = clock;
    }

    @GetMapping("/api/v1/themes")
    @Operation(
            summary = "Red and Amber indicators by cause",
            description = "For the periods ending from the start of from to the end of to (period codes; by default"
                    + " the twelve months to the latest that has ended), each cause with its Red and Amber counts,"
                    + " the services and periods they span and the values behind them, most first; and the Red and"
                    + " Amber narratives with no cause yet, with the causes their words suggest.")
    ThemesView themes(
            @Parameter(description = "A period code, such as 2025-04") @RequestParam(required = false) String from,
            @Parameter(description = "A period code, such as 2026-03") @RequestParam(required = false) String to) {
        ThemeSpan span = ThemeSpan.of(from, to, LocalDate.now(clock));
        Themes.Report report = themes.report(span.from().start(), span.to().end());
        return new ThemesView(
                span.from().code(),
                span.to().code(),
                report.themes().stream()
                        .map(t -> new ThemeView(
                                t.cause().code(),
                                t.cause().name(),
                                t.red(),
                                t.amber(),
                                t.services(),
                                t.periods(),
                                t.items().stream().map(ItemView::of).toList()))
                        .toList(),
                report.untagged().stream().map(ItemView::of).toList());
    }
}
