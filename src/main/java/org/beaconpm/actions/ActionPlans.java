package org.beaconpm.actions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action plans: creating them, importing and exporting them in the template, reading them whole, listing their
 * actions, and recording progress. A plan's owner units' officers (those who may enter data there) and the
 * administrator edit it; an action's leads and its plan's owners record its progress; everyone whose scope reaches
 * the owner unit reads it. Partner users' scope is their own organisation, so they read and update only its actions.
 */
@Service
public class ActionPlans {

    /** A new plan; {@code ownerUnit} is a unit's code, {@code source} a {@link PlanSource} as written. */
    public record NewPlan(
            String code,
            String title,
            String source,
            String ownerUnit,
            LocalDate startsOn,
            LocalDate endsOn,
            List<Initials> initials) {}

    /** What a list of actions shows; null fields ask nothing. */
    public record Filter(
            String planCode,
            String lead,
            Long leadUserId,
            LocalDate dueBefore,
            ActionStatus status,
            String indicator,
            boolean openOnly,
            boolean overdueOnly) {

        public static Filter everything() {
            return new Filter(null, null, null, null, null, null, false, false);
        }
    }

    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";

    private final ActionPlanRows rows;
    private final OrganisationStructure structure;
    private final UserAccounts accounts;
    private final Indicators indicators;
    private final AccessPolicy policy;
    private final Clock clock;
    private final ActionRagRule rule;
    private final int dueSoonDays;

    ActionPlans(
            ActionPlanRows rows,
            OrganisationStructure structure,
            UserAccounts accounts,
            Indicators indicators,
            AccessPolicy policy,
            Clock clock,
            @Value("${beacon.actions.rag.amber-points:10}") int amberPoints,
            @Value("${beacon.actions.rag.red-points:25}") int redPoints,
            @Value("${beacon.actions.due-soon-days:28}") int dueSoonDays) {
        this.rows = rows;
        this.structure = structure;
        this.accounts = accounts;
        this.indicators = indicators;
        this.policy = policy;
        this.clock = clock;
        this.rule = new ActionRagRule(amberPoints, redPoints);
        this.dueSoonDays = dueSoonDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Figures.UK));
    }

    public int dueSoonDays() {
        return dueSoonDays;
    }

    public ActionRagRule rule() {
        return rule;
    }

    // ---- plans

    /** The plans the reader may see, with their counts. */
    public List<PlanSummary> plans() {
        AccessPolicy.Scope scope = policy.current(Action.READ);
        LocalDate today = today();
        List<PlanSummary> summaries = new ArrayList<>();
        for (ActionPlan plan : rows.plans()) {
            if (!scope.covers(plan.ownerUnitId())) {
                continue;
            }
            List<ActionPlanRows.ActionRow> actions = rows.actionsOfPlan(plan.id());
            int open = (int)
                    actions.stream().filter(a -> a.action().status().isOpen()).count();
            int overdue = (int) actions.stream()
                    .filter(a -> ActionRagRule.overdue(
                            a.action().status(), a.action().dueDate(), today))
                    .count();
            int completed = (int) actions.stream()
                    .filter(a -> a.action().status() == ActionStatus.COMPLETED)
                    .count();
            summaries.add(new PlanSummary(
                    plan,
                    structure.unit(plan.ownerUnitId()).name(),
                    rows.recommendations(plan.id()).size(),
                    actions.size(),
                    open,
                    overdue,
                    completed));
        }
        return summaries;
    }

    /** The plans the reader may add actions to, as the remedial-action form offers them. */
    public List<ActionPlan> editablePlans() {
        AccessPolicy.Scope scope = policy.current(Action.ENTER);
        return rows.plans().stream().filter(p -> scope.covers(p.ownerUnitId())).toList();
    }

    /**
     * Creates an empty plan, to import its recommendations and actions into.
     *
     * @throws EntryRefused naming every field at fault
     * @throws AccessDeniedException unless the creator may edit plans of the owner unit
     */
    @Transactional
    public ActionPlan create(NewPlan plan) {
        List<FormError> errors = new ArrayList<>();
        String code = plan.code() == null ? "" : plan.code().strip();
        if (!code.matches(CODE)) {
            errors.add(new FormError(
                    "code",
                    "Enter a code of up to 40 letters, digits, dots, dashes or underscores, such as AUDIT-2007"));
        } else if (rows.plan(code).isPresent()) {
            errors.add(new FormError("code", "There is already an action plan " + code));
        }
        String title = plan.title() == null ? "" : plan.title().strip();
        if (title.isEmpty() || title.length() > 300) {
            errors.add(new FormError("title", "Enter the plan's title, up to 300 characters"));
        }
        Optional<PlanSource> source = PlanSource.read(plan.source());
        if (source.isEmpty()) {
            errors.add(new FormError("source", "Choose what the plan answers: " + PlanSource.choices()));
        }
        Optional<OrganisationUnit> owner = plan.ownerUnit() == null
                ? Optional.empty()
                : structure.unitByCode(plan.ownerUnit().strip());
        if (owner.isEmpty()) {
            errors.add(new FormError(
                    "ownerUnit",
                    plan.ownerUnit() == null || plan.ownerUnit().isBlank()
                            ? "Enter the code of the unit that owns the plan"
                            : "There is no unit " + plan.ownerUnit().strip()));
        }
        if (plan.startsOn() != null && plan.endsOn() != null && plan.endsOn().isBefore(plan.startsOn())) {
            errors.add(new FormError("endsOn", "The plan's end must be on or after its start"));
        }
        List<Initials> initials = plan.initials() == null ? List.of() : plan.initials();
        for (Initials entry : initials) {
            if (entry.initials() == null
                    || entry.initials().isBlank()
                    || entry.name() == null
                    || entry.name().isBlank()) {
                errors.add(new FormError("initials", "Each line of the glossary needs initials and a name"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new EntryRefused(errors);
        }
        OrganisationUnit unit = owner.get();
        requireEdit(unit.id(), "action plans of " + unit.name());
        long id = rows.insertPlan(
                unit.organisationId(),
                unit.id(),
                code,
                title,
                source.get(),
                plan.startsOn(),
                plan.endsOn(),
                Instant.now(clock));
        rows.replaceInitials(
                id,
                initials.stream()
                        .map(i -> new Initials(
                                i.initials().strip(),
                                i.name().strip(),
                                i.role() == null ? null : i.role().strip()))
                        .toList());
        return rows.plan(id).orElseThrow();
    }

    /** The plan of this code, if the reader may see it. */
    public ActionPlan plan(String code) {
        ActionPlan plan = rows.plan(code == null ? "" : code).orElseThrow(() -> new NotFound("Action plan " + code));
        if (!policy.current(Action.READ).covers(plan.ownerUnitId())) {
            throw new NotFound("Action plan " + code);
        }
        return plan;
    }

    /** The whole plan: recommendations in order, each with its actions, their RAG and progress. */
    public PlanContents contents(String code) {
        ActionPlan plan = plan(code);
        return contents(plan);
    }

    private PlanContents contents(ActionPlan plan) {
        List<ActionItem> items = items(rows.actionsOfPlan(plan.id()), plan);
        Map<Long, List<ActionItem>> byRecommendation = new HashMap<>();
        for (ActionItem item : items) {
            byRecommendation
                    .computeIfAbsent(item.action().recommendationId(), k -> new ArrayList<>())
                    .add(item);
        }
        List<PlanContents.Part> parts = rows.recommendations(plan.id()).stream()
                .map(r -> new PlanContents.Part(r, List.copyOf(byRecommendation.getOrDefault(r.id(), List.of()))))
                .toList();
        OrganisationUnit owner = structure.unit(plan.ownerUnitId());
        return new PlanContents(plan, owner.code(), owner.name(), parts, mayEdit(plan));
    }

    /** Whether the reader may edit the plan: import into it, add actions and link them to indicators. */
    public boolean mayEdit(ActionPlan plan) {
        return policy.current(Action.ENTER).covers(plan.ownerUnitId());
    }

    // ---- import and export

    /**
     * Imports a whole plan in the template into an existing plan: checked whole, all or nothing. Recommendations are
     * matched by number and actions by letter (or place, when unlettered) within their recommendation; what the file
     * leaves out is left as it is. A row's {@code progress} becomes the action's latest progress update unless it is
     * that already, so importing the same file again changes nothing.
     *
     * @throws ImportRefused with every error, having written nothing
     */
    @Transactional
    public ImportSummary importPlan(String code, Reader csv, boolean dryRun) {
        ActionPlan plan = plan(code);
        requireEdit(plan.ownerUnitId(), "action plan " + plan.code());
        CsvTable table = CsvTable.read(csv, PlanTemplate.REQUIRED, PlanTemplate.OPTIONAL);
        PlanTemplate.Read read = PlanTemplate.read(table);
        if (!read.errors().isEmpty()) {
            throw new ImportRefused(read.errors());
        }
        rows.lock(plan.id());
        LeadMatcher leads = new LeadMatcher(plan);
        Map<String, Recommendation> existing = new HashMap<>();
        List<Recommendation> recommendations = rows.recommendations(plan.id());
        recommendations.forEach(r -> existing.put(r.number(), r));
        Map<Long, List<ActionPlanRows.ActionRow>> existingActions = new HashMap<>();
        for (ActionPlanRows.ActionRow row : rows.actionsOfPlan(plan.id())) {
            existingActions
                    .computeIfAbsent(row.action().recommendationId(), k -> new ArrayList<>())
                    .add(row);
        }
        Map<Long, List<ProgressUpdate>> progress = rows.progress(existingActions.values().stream()
                .flatMap(List::stream)
                .map(r -> r.action().id())
                .toList());

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int position = 0;
        Instant now = Instant.now(clock);
        LocalDate today = today();
        Optional<SignedInUser> user = UserAccounts.current();
        for (PlanTemplate.SheetRecommendation sheet : read.sheet().recommendations()) {
            position++;
            Recommendation old = existing.get(sheet.number());
            boolean recommendationChanged = old == null
                    || old.position() != position
                    || !old.heading().equals(sheet.heading())
                    || !old.text().equals(sheet.text())
                    || !old.response().equals(sheet.response());
            long recommendationId;
            if (old == null) {
                recommendationId = dryRun
                        ? -position
                        : rows.insertRecommendation(
                                plan.organisationId(),
                                plan.id(),
                                position,
                                sheet.number(),
                                sheet.heading(),
                                sheet.text(),
                                sheet.response());
            } else {
                recommendationId = old.id();
                if (recommendationChanged && !dryRun) {
                    rows.updateRecommendation(old.id(), position, sheet.heading(), sheet.text(), sheet.response());
                }
            }
            Map<String, ActionPlanRows.ActionRow> byKey =
                    keyed(existingActions.getOrDefault(recommendationId, List.of()));
            int actionPosition = 0;
            for (PlanTemplate.SheetAction action : sheet.actions()) {
                actionPosition++;
                ActionPlanRows.ActionRow before = byKey.get(action.key());
                List<Lead> newLeads = leads.match(action.leads());
                ActionStatus status = action.status() != null
                        ? action.status()
                        : before == null
                                ? ActionStatus.NOT_STARTED
                                : before.action().status();
                int percent = action.percentComplete() != null
                        ? action.percentComplete()
                        : before == null
                                ? (status == ActionStatus.COMPLETED ? 100 : 0)
                                : before.action().percentComplete();
                ActionPlanRows.SheetValues values = new ActionPlanRows.SheetValues(
                        action.letter(),
                        action.description(),
                        action.timescale(),
                        action.dueDate(),
                        action.dueDateGiven(),
                        status,
                        percent);
                String latest = before == null
                        ? ""
                        : progress.getOrDefault(before.action().id(), List.of()).stream()
                                .findFirst()
                                .map(ProgressUpdate::text)
                                .orElse("");
                boolean newProgress =
                        !action.progress().isEmpty() && !action.progress().equals(latest);
                if (before == null) {
                    created++;
                    if (!dryRun) {
                        long id = rows.insertAction(
                                plan.organisationId(), plan.id(), recommendationId, actionPosition, values, now);
                        rows.replaceLeads(id, newLeads);
                        if (newProgress) {
                            recordImported(plan, id, today, now, user, action.progress(), status, percent);
                        }
                    }
                    continue;
                }
                PlanAction was = before.action();
                boolean fieldsChanged = was.position() != actionPosition
                        || !was.letter().equals(values.letter())
                        || !was.description().equals(values.description())
                        || !was.timescale().equals(values.timescale())
                        || !Objects.equals(was.dueDate(), values.dueDate())
                        || was.dueDateGiven() != values.dueDateGiven()
                        || was.status() != status
                        || was.percentComplete() != percent;
                boolean leadsChanged = !sameLeads(was.leads(), newLeads);
                if (fieldsChanged || leadsChanged || newProgress || (recommendationChanged && actionPosition == 1)) {
                    updated++;
                } else {
                    unchanged++;
                }
                if (dryRun) {
                    continue;
                }
                if (fieldsChanged) {
                    rows.updateAction(was.id(), was.version(), actionPosition, values);
                }
                if (leadsChanged) {
                    rows.replaceLeads(was.id(), newLeads);
                }
                if (newProgress) {
                    recordImported(plan, was.id(), today, now, user, action.progress(), status, percent);
                }
            }
        }
        if (!dryRun && (created > 0 || updated > 0)) {
            rows.touch(plan.id());
        }
        return new ImportSummary(read.sheet().rows(), created, updated, unchanged, dryRun);
    }

    private void recordImported(
            ActionPlan plan,
            long actionId,
            LocalDate today,
            Instant now,
            Optional<SignedInUser> user,
            String text,
            ActionStatus status,
            int percent) {
        rows.insertProgress(
                plan.organisationId(),
                actionId,
                today,
                now,
                user.map(SignedInUser::id).orElse(null),
                user.map(SignedInUser::name).orElse("Beacon"),
                text,
                status,
                percent);
    }

    private static Map<String, ActionPlanRows.ActionRow> keyed(List<ActionPlanRows.ActionRow> actions) {
        Map<String, ActionPlanRows.ActionRow> byKey = new HashMap<>();
        int unlettered = 0;
        for (ActionPlanRows.ActionRow row : actions) {
            String letter = row.action().letter();
            byKey.put(letter.isEmpty() ? "#" + (++unlettered) : letter, row);
        }
        return byKey;
    }

    private static boolean sameLeads(List<Lead> a, List<Lead> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).written().equals(b.get(i).written())
                    || !Objects.equals(a.get(i).userId(), b.get(i).userId())) {
                return false;
            }
        }
        return true;
    }

    /** The plan in the template as CSV: it imports back to the same plan. */
    public void exportCsv(String code, Appendable out) {
        PlanTemplate.write(contents(code), out);
    }

    /** The plan in the template as an XLSX workbook of one sheet. */
    public byte[] exportXlsx(String code) {
        PlanContents plan = contents(code);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(safeSheetName(plan.plan().code()));
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row top = sheet.createRow(0);
            for (int c = 0; c < PlanTemplate.COLUMNS.size(); c++) {
                var cell = top.createCell(c);
                cell.setCellValue(PlanTemplate.COLUMNS.get(c));
                cell.setCellStyle(header);
            }
            int r = 1;
            for (List<String> values : PlanTemplate.rows(plan)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    var cell = row.createCell(c);
                    cell.setCellValue(values.get(c));
                    cell.setCellStyle(wrap);
                }
            }
            for (int c = 0; c < PlanTemplate.COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, List.of(2, 3, 5, 11).contains(c) ? 60 * 256 : 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String safeSheetName(String code) {
        String name = code.replaceAll("[\\\\/?*\\[\\]:]", "-");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    // ---- actions

    /** An action the reader may see, with its progress and linked indicators. */
    public ActionItem action(long id) {
        ActionPlanRows.ActionRow row = rows.action(id).orElseThrow(() -> new NotFound("Action " + id));
        if (!policy.current(Action.READ).covers(row.ownerUnitId()) && !isLead(row.action())) {
            throw new NotFound("Action " + id);
        }
        ActionPlan plan = rows.plan(row.action().planId()).orElseThrow();
        return items(List.of(row), plan).get(0);
    }

    /** The actions the reader may see that the filter asks for, soonest due first. */
    public List<ActionItem> actions(Filter filter) {
        Long indicatorId = null;
        if (filter.indicator() != null && !filter.indicator().isBlank()) {
            indicatorId = indicators
                    .byCode(filter.indicator().strip())
                    .map(Indicator::id)
                    .orElse(-1L);
        }
        Long planId = null;
        if (filter.planCode() != null && !filter.planCode().isBlank()) {
            planId = plan(filter.planCode()).id();
        }
        Long leadUser = filter.leadUserId();
        String leadWritten = null;
        if (filter.lead() != null && !filter.lead().isBlank()) {
            String lead = filter.lead().strip();
            leadWritten = lead;
            if (leadUser == null) {
                leadUser = lead.contains("@")
                        ? accounts.accountByEmail(lead)
                                .map(UserAccounts.Account::id)
                                .orElse(null)
                        : null;
            }
        }
        LocalDate dueBefore = filter.dueBefore();
        if (filter.overdueOnly()) {
            dueBefore = dueBefore == null || dueBefore.isAfter(today()) ? today() : dueBefore;
        }
        List<ActionPlanRows.ActionRow> found = rows.find(new ActionPlanRows.Query(
                planId,
                leadUser,
                leadWritten,
                dueBefore,
                filter.status(),
                indicatorId,
                filter.openOnly() || filter.overdueOnly()));
        AccessPolicy.Scope scope = policy.current(Action.READ);
        Long me = UserAccounts.current().map(SignedInUser::id).orElse(null);
        List<ActionPlanRows.ActionRow> visible = found.stream()
                .filter(r -> scope.covers(r.ownerUnitId()) || leadOf(r.action(), me))
                .toList();
        Map<Long, ActionPlan> plans = new HashMap<>();
        List<ActionItem> items = new ArrayList<>();
        Map<Long, List<ActionPlanRows.ActionRow>> byPlan = new HashMap<>();
        for (ActionPlanRows.ActionRow row : visible) {
            byPlan.computeIfAbsent(row.action().planId(), k -> new ArrayList<>())
                    .add(row);
        }
        Map<Long, ActionItem> byId = new HashMap<>();
        for (var entry : byPlan.entrySet()) {
            ActionPlan plan =
                    plans.computeIfAbsent(entry.getKey(), id -> rows.plan(id).orElseThrow());
            items(entry.getValue(), plan).forEach(item -> byId.put(item.id(), item));
        }
        for (ActionPlanRows.ActionRow row : visible) {
            items.add(byId.get(row.action().id()));
        }
        return items;
    }

    /** The reader's own actions (those they lead), open ones first. */
    public List<ActionItem> mine() {
        Long me = UserAccounts.current().map(SignedInUser::id).orElse(-1L);
        return actions(new Filter(null, null, me, null, null, null, false, false));
    }

    /** Open actions due within the next {@link #dueSoonDays()} days, not yet overdue. */
    public List<ActionItem> dueSoon() {
        LocalDate today = today();
        return actions(new Filter(null, null, null, today.plusDays(dueSoonDays + 1L), null, null, true, false)).stream()
                .filter(a -> !a.overdue())
                .toList();
    }

    /** Open actions past their due date. */
    public List<ActionItem> overdue() {
        return actions(new Filter(null, null, null, null, null, null, true, true));
    }

    /** The remedial actions of an indicator. */
    public List<ActionItem> forIndicator(long indicatorId) {
        Indicator indicator = indicators.indicator(indicatorId);
        return actions(new Filter(null, null, null, null, null, indicator.code(), false, false));
    }

    /** Of these indicators, those that an open action is remedial for. */
    public Set<Long> withOpenRemedialAction(Collection<Long> indicatorIds) {
        return rows.withOpenAction(indicatorIds);
    }

    /** Whether the reader may record progress on the action: one of its leads, or an editor of its plan. */
    public boolean mayRecordProgress(ActionItem item) {
        return policy.current(Action.ENTER).covers(item.ownerUnitId()) || isLead(item.action());
    }

    /**
     * Records a progress update on an action, with its status and percent complete at that moment; null keeps the
     * status or percent as it is (a completed action is 100% unless a percent is given).
     *
     * @param version the action's version as read
     * @throws StaleEdit if the action changed since it was read
     * @throws EntryRefused naming each field at fault
     */
    @Transactional
    public ProgressUpdate recordProgress(
            long actionId, Integer version, String text, ActionStatus status, Integer percentComplete) {
        ActionItem item = action(actionId);
        if (!mayRecordProgress(item)) {
            throw new AccessDeniedException("You may not record progress on action " + item.reference()
                    + ": you are not one of its leads, nor do you edit its plan");
        }
        List<FormError> errors = new ArrayList<>();
        String body = text == null ? "" : text;
        if (body.isBlank()) {
            errors.add(new FormError("text", "Enter the progress made"));
        } else if (body.length() > PlanTemplate.MAX_TEXT) {
            errors.add(new FormError("text", "Progress must be " + PlanTemplate.MAX_TEXT + " characters or fewer"));
        }
        if (percentComplete != null && (percentComplete < 0 || percentComplete > 100)) {
            errors.add(new FormError("percentComplete", "Percent complete must be a whole number from 0 to 100"));
        }
        if (version == null) {
            errors.add(new FormError("version", "Give the version of the action as you read it"));
        }
        if (!errors.isEmpty()) {
            throw new EntryRefused(errors);
        }
        PlanAction action = item.action();
        if (action.version() != version) {
            throw new StaleEdit("Action " + item.reference());
        }
        ActionStatus newStatus = status == null ? action.status() : status;
        int percent = percentComplete != null
                ? percentComplete
                : newStatus == ActionStatus.COMPLETED ? 100 : action.percentComplete();
        rows.setProgress(action.id(), action.version(), newStatus, percent);
        Optional<SignedInUser> user = UserAccounts.current();
        ActionPlan plan = rows.plan(action.planId()).orElseThrow();
        rows.insertProgress(
                plan.organisationId(),
                action.id(),
                today(),
                Instant.now(clock),
                user.map(SignedInUser::id).orElse(null),
                user.map(SignedInUser::name).orElse("Beacon"),
                body,
                newStatus,
                percent);
        return rows.progress(List.of(action.id())).get(action.id()).get(0);
    }

    /**
     * Records a progress update as of an earlier date and by a named person, as a plan's history is brought in from
     * its committee reports. Only the system's own work and an administrator may.
     */
    @Transactional
    public void recordHistory(long actionId, LocalDate on, String by, String text, ActionStatus status, int percent) {
        if (!policy.current(Action.ADMINISTER).isEverywhere()) {
            throw new AccessDeniedException("Only an administrator may record progress as of an earlier date");
        }
        ActionPlanRows.ActionRow row = rows.action(actionId).orElseThrow(() -> new NotFound("Action " + actionId));
        ActionPlan plan = rows.plan(row.action().planId()).orElseThrow();
        rows.insertProgress(
                plan.organisationId(),
                actionId,
                on,
                on.atStartOfDay(Figures.UK).toInstant(),
                null,
                by,
                text,
                status,
                percent);
    }

    /**
     * Links an action to an indicator it is remedial for.
     *
     * @throws RuleBroken if there is no indicator of that code the reader may see
     */
    @Transactional
    public void linkIndicator(long actionId, String indicatorCode) {
        ActionItem item = action(actionId);
        ActionPlan plan = rows.plan(item.action().planId()).orElseThrow();
        requireEdit(plan.ownerUnitId(), "action plan " + plan.code());
        Indicator indicator = indicators
                .byCode(indicatorCode == null ? "" : indicatorCode.strip())
                .filter(indicators::isVisible)
                .orElseThrow(() -> new RuleBroken(
                        "indicator", "There is no indicator " + (indicatorCode == null ? "" : indicatorCode.strip())));
        rows.link(actionId, indicator.id());
    }

    @Transactional
    public void unlinkIndicator(long actionId, long indicatorId) {
        ActionItem item = action(actionId);
        ActionPlan plan = rows.plan(item.action().planId()).orElseThrow();
        requireEdit(plan.ownerUnitId(), "action plan " + plan.code());
        rows.unlink(actionId, indicatorId);
    }

    /**
     * Adds one action to a plan, under a recommendation (created with the number if the plan has none of it): how a
     * remedial action on an indicator is set, linked to the indicator when one is given.
     */
    @Transactional
    public ActionItem addAction(
            String planCode,
            String recommendationNumber,
            String description,
            String timescale,
            String leads,
            String indicatorCode) {
        ActionPlan plan = plan(planCode);
        requireEdit(plan.ownerUnitId(), "action plan " + plan.code());
        List<FormError> errors = new ArrayList<>();
        String number = recommendationNumber == null ? "" : recommendationNumber.strip();
        if (number.isEmpty() || number.length() > 20) {
            errors.add(new FormError("recommendation", "Enter the recommendation's number, such as 1 or R3"));
        }
        if (description == null || description.isBlank()) {
            errors.add(new FormError("description", "Enter what will be done"));
        }
        Indicator indicator = null;
        if (indicatorCode != null && !indicatorCode.isBlank()) {
            indicator = indicators
                    .byCode(indicatorCode.strip())
                    .filter(indicators::isVisible)
                    .orElse(null);
            if (indicator == null) {
                errors.add(new FormError("indicator", "There is no indicator " + indicatorCode.strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw new EntryRefused(errors);
        }
        rows.lock(plan.id());
        List<Recommendation> recommendations = rows.recommendations(plan.id());
        long recommendationId = recommendations.stream()
                .filter(r -> r.number().equals(number))
                .findFirst()
                .map(Recommendation::id)
                .orElseGet(() -> rows.insertRecommendation(
                        plan.organisationId(), plan.id(), recommendations.size() + 1, number, "", "", ""));
        int position = (int) rows.actionsOfPlan(plan.id()).stream()
                        .filter(r -> r.action().recommendationId() == recommendationId)
                        .count()
                + 1;
        String scale = timescale == null ? "" : timescale.strip();
        long id = rows.insertAction(
                plan.organisationId(),
                plan.id(),
                recommendationId,
                position,
                new ActionPlanRows.SheetValues(
                        "",
                        description,
                        scale,
                        Timescales.dueDate(scale).orElse(null),
                        false,
                        ActionStatus.NOT_STARTED,
                        0),
                Instant.now(clock));
        List<String> written = leads == null
                ? List.of()
                : java.util.Arrays.stream(leads.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        rows.replaceLeads(id, new LeadMatcher(plan).match(written));
        if (indicator != null) {
            rows.link(id, indicator.id());
        }
        rows.touch(plan.id());
        return action(id);
    }

    // ---- helpers

    private List<ActionItem> items(List<ActionPlanRows.ActionRow> found, ActionPlan plan) {
        List<Long> ids = found.stream().map(r -> r.action().id()).toList();
        Map<Long, List<ProgressUpdate>> progress = rows.progress(ids);
        Map<Long, List<LinkedIndicator>> linked = rows.indicators(ids);
        LocalDate today = today();
        return found.stream()
                .map(row -> {
                    PlanAction a = withGlossary(row.action(), plan);
                    LocalDate start = row.planStartsOn() != null
                            ? row.planStartsOn()
                            : LocalDate.ofInstant(a.createdAt(), Figures.UK);
                    return new ActionItem(
                            a,
                            row.planCode(),
                            row.planTitle(),
                            row.ownerUnitId(),
                            row.recommendationNumber(),
                            rule.rate(a.status(), a.percentComplete(), start, a.dueDate(), today),
                            ActionRagRule.overdue(a.status(), a.dueDate(), today),
                            List.copyOf(progress.getOrDefault(a.id(), List.of())),
                            List.copyOf(linked.getOrDefault(a.id(), List.of())));
                })
                .toList();
    }

    private static PlanAction withGlossary(PlanAction a, ActionPlan plan) {
        List<Lead> leads = a.leads().stream()
                .map(lead -> new Lead(
                        lead.written(),
                        lead.userId(),
                        lead.userName(),
                        plan.initials(lead.written()).map(Initials::description).orElse(null)))
                .toList();
        return new PlanAction(
                a.id(),
                a.planId(),
                a.recommendationId(),
                a.position(),
                a.letter(),
                a.description(),
                a.timescale(),
                a.dueDate(),
                a.dueDateGiven(),
                a.status(),
                a.percentComplete(),
                a.milestones(),
                a.evidence(),
                a.createdAt(),
                a.version(),
                leads);
    }

    private boolean isLead(PlanAction action) {
        return leadOf(action, UserAccounts.current().map(SignedInUser::id).orElse(null));
    }

    private static boolean leadOf(PlanAction action, Long userId) {
        return userId != null && action.leads().stream().anyMatch(l -> userId.equals(l.userId()));
    }

    private void requireEdit(long unitId, String what) {
        if (!policy.current(Action.ENTER).covers(unitId)) {
            throw new AccessDeniedException(
                    "You may not change " + what + ": it is outside the units whose plans you edit");
        }
    }

    /**
     * Matches leads as written to Beacon users: by email, by name, or by the name the plan's glossary gives the
     * initials; a lead that names nobody is kept as written.
     */
    private final class LeadMatcher {

        private final ActionPlan plan;
        private Map<String, Long> byName;

        LeadMatcher(ActionPlan plan) {
            this.plan = plan;
        }

        List<Lead> match(List<String> written) {
            return written.stream().map(this::match).toList();
        }

        private Lead match(String written) {
            if (written.contains("@")) {
                return accounts.accountByEmail(written)
                        .map(a -> new Lead(written, a.id(), a.name(), null))
                        .orElse(new Lead(written, null, null, null));
            }
            Long id = names().get(written.toLowerCase(Locale.ROOT));
            if (id == null) {
                id = plan.initials(written)
                        .map(entry -> names().get(entry.name().toLowerCase(Locale.ROOT)))
                        .orElse(null);
            }
            return new Lead(written, id, null, null);
        }

        private Map<String, Long> names() {
            if (byName == null) {
                byName = new HashMap<>();
                Map<String, Integer> seen = new HashMap<>();
                for (UserAccounts.Account account : accounts.accounts()) {
                    String key = account.name().toLowerCase(Locale.ROOT);
                    seen.merge(key, 1, Integer::sum);
                    byName.put(key, account.id());
                }
                // A name two users share names neither.
                seen.forEach((name, count) -> {
                    if (count > 1) {
                        byName.remove(name);
                    }
                });
            }
            return byName;
        }
    }

    static List<ImportError> none() {
        return List.of();
    }
}
