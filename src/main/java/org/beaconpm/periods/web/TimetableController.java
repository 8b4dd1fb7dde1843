package org.beaconpm.periods.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.beaconpm.periods.BankHolidays;
import org.beaconpm.periods.ClosureDay;
import org.beaconpm.periods.Deadlines;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.periods.Timetable;
import org.beaconpm.periods.TimetableRule;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reporting timetable settings: the working days each step takes, per type of period, and the closure days. */
@Controller
class TimetableController {

    /** A type's rule as typed in its row. */
    record RuleForm(String dataDueDays, String approvalDueDays, String reportDays, Integer version) {

        static RuleForm of(TimetableRule rule) {
            return new RuleForm(
                    String.valueOf(rule.dataDueDays()),
                    String.valueOf(rule.approvalDueDays()),
                    String.valueOf(rule.reportDays()),
                    rule.version());
        }
    }

    /** One row of the table: the rule, what its row's form holds, and the latest ended period's dates under it. */
    record RuleRow(PeriodType type, RuleForm form, Deadlines example, String id) {}

    record DayForm(String day, String name, String kind) {

        static final DayForm BLANK = new DayForm("", "", "CLOSURE");
    }

    private final Timetable timetable;
    private final Clock clock;

    TimetableController(Timetable timetable, Clock clock) {
        this.timetable = timetable;
        this.clock = clock;
    }

    @GetMapping("/admin/timetable")
    String page(Model model) {
        return page(null, null, DayForm.BLANK, List.of(), model);
    }

    @PostMapping("/admin/timetable/{type}")
    String saveRule(@PathVariable String type, RuleForm form, Model model, RedirectAttributes redirect) {
        PeriodType periodType = type(type);
        try {
            timetable.save(
                    periodType,
                    form.dataDueDays(),
                    form.approvalDueDays(),
                    form.reportDays(),
                    form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute(
                    "flash",
                    "Saved the timetable for each " + periodType.label().toLowerCase());
            return "redirect:/admin/timetable";
        } catch (EntryRefused refused) {
            List<FormError> errors = refused.errors().stream()
                    .map(error -> new FormError(id(periodType) + "-" + error.field(), error.message()))
                    .toList();
            return page(periodType, form, DayForm.BLANK, errors, model);
        } catch (StaleEdit stale) {
            return page(
                    null,
                    null,
                    DayForm.BLANK,
                    List.of(new FormError(id(periodType) + "-dataDueDays", stale.getMessage())),
                    model);
        }
    }

    @PostMapping("/admin/timetable/days")
    String addDay(DayForm form, Model model, RedirectAttributes redirect) {
        ClosureDay.Kind kind = "BANK_HOLIDAY".equals(form.kind())
                ? ClosureDay.Kind.BANK_HOLIDAY
                : "CLOSURE".equals(form.kind()) ? ClosureDay.Kind.CLOSURE : null;
        try {
            ClosureDay added = timetable.addClosureDay(form.day(), form.name(), kind);
            redirect.addFlashAttribute(
                    "flash",
                    "Added " + added.name() + ", " + Deadlines.dateText(added.day()) + ", as a day no one works");
            return "redirect:/admin/timetable";
        } catch (EntryRefused refused) {
            return page(null, null, form, refused.errors(), model);
        }
    }

    @PostMapping("/admin/timetable/days/{day}/remove")
    String removeDay(@PathVariable String day, RedirectAttributes redirect) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new NotFound("Closure day " + day);
        }
        if (!timetable.removeClosureDay(date)) {
            throw new NotFound("Closure day " + day);
        }
        redirect.addFlashAttribute("flash", Deadlines.dateText(date) + " is a working day again");
        return "redirect:/admin/timetable";
    }

    private String page(PeriodType failed, RuleForm failedForm, DayForm dayForm, List<FormError> errors, Model model) {
        Timetable.Schedule schedule = timetable.schedule();
        LocalDate today = LocalDate.now(clock);
        List<RuleRow> rows = schedule.rules().values().stream()
                .sorted(java.util.Comparator.comparing(TimetableRule::type))
                .map(rule -> new RuleRow(
                        rule.type(),
                        rule.type() == failed ? failedForm : RuleForm.of(rule),
                        schedule.deadlines(latestEnded(rule.type(), today)),
                        id(rule.type())))
                .toList();
        int year = today.getYear();
        model.addAttribute("rows", rows);
        model.addAttribute("days", timetable.closureDays());
        model.addAttribute(
                "bankHolidays",
                BankHolidays.englandAndWales().stream()
                        .filter(day -> day.day().getYear() == year || day.day().getYear() == year + 1)
                        .toList());
        model.addAttribute("bankHolidayYears", year + " and " + (year + 1));
        model.addAttribute("lastBuiltInYear", BankHolidays.LAST_YEAR);
        model.addAttribute("dayForm", dayForm);
        model.addAttribute("errors", errors);
        model.addAttribute("errorFields", errors.stream().map(FormError::field).toList());
        return "admin/timetable";
    }

    private static Period latestEnded(PeriodType type, LocalDate today) {
        Period containing = Period.containing(type, today);
        return containing.end().equals(today) ? containing : containing.previous();
    }

    private static PeriodType type(String text) {
        for (PeriodType type : PeriodType.values()) {
            if (id(type).equals(text)) {
                return type;
            }
        }
        throw new NotFound("Period type " + text);
    }

    private static String id(PeriodType type) {
        return type.name().toLowerCase().replace('_', '-');
    }
}
