package org.beaconpm.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.assessment.Status;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval: owners submit their values, approvers approve them or send them back with a reason. Many values move in
 * one act, all or none: if any of them cannot move, nothing moves and every problem is listed.
 *
 * <p>Approval levels follow unit levels: with {@code beacon.approval.level-above=true} (the default) a value is
 * approved by an approver over the unit above the indicator's owning unit (a team's data at service level, a
 * service's at directorate level; an organisation's by an approver over it); with {@code false}, by an approver over
 * the owning unit itself.
 */
@Service
public class Approvals {

    /** What to do with the values. */
    public enum Step {
        SUBMIT,
        APPROVE,
        REJECT
    }

    /**
     * A value named by its indicator and key (period and breakdown), how a sentence names it ("NI 192 for May 2025"),
     * and for a rejection the reason, for its owner.
     */
    public record Key(long indicatorId, ValueEntry key, String label, String reason) {

        String why() {
            return reason == null || reason.isBlank() ? null : reason.strip();
        }
    }

    /** A value waiting for approval, with its indicator. */
    public record Waiting(Indicator indicator, IndicatorValue value) {}

    private final ValueRows rows;
    private final Values values;
    private final Indicators indicators;
    private final OrganisationStructure structure;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean levelAbove;

    Approvals(
            ValueRows rows,
            Values values,
            Indicators indicators,
            OrganisationStructure structure,
            AccessPolicy policy,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${beacon.approval.level-above:true}") boolean levelAbove) {
        this.rows = rows;
        this.values = values;
        this.indicators = indicators;
        this.structure = structure;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.levelAbove = levelAbove;
    }

    /**
     * Moves every value named, or none. Submitting is for whoever enters data for the indicator, and a value that is
     * Red against its target needs its narrative first; approving and rejecting are for an approver at the approval
     * level; each rejection needs its reason, which goes back to the owner.
     *
     * @return the values as they now are, in the order named
     * @throws EntryRefused with a problem for each value that cannot move (its field {@code values[i]}, counting from
     *     0, or {@code values[i].reason} for a missing reason)
     */
    @Transactional
    public List<IndicatorValue> move(Step step, List<Key> keys, long userId) {
        List<IndicatorValue> found = new ArrayList<>();
        List<IndicatorValue> moved = new ArrayList<>();
        List<FormError> problems = check(step, keys, found, moved);
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems);
        }
        return write(step, keys, found, moved, userId);
    }

    /** Every problem that would refuse {@link #move}, without moving anything. */
    @Transactional(readOnly = true)
    public List<FormError> problems(Step step, List<Key> keys) {
        return check(step, keys, new ArrayList<>(), new ArrayList<>());
    }

    private List<FormError> check(Step step, List<Key> keys, List<IndicatorValue> found, List<IndicatorValue> moved) {
        List<FormError> problems = new ArrayList<>();
        if (keys.isEmpty()) {
            problems.add(new FormError("values", "Choose at least one value"));
        }
        AccessPolicy.Scope scope = policy.current(step == Step.SUBMIT ? Action.ENTER : Action.APPROVE);
        Map<Long, OrganisationUnit> units = unitsById();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            String field = "values[" + i + "]";
            if (step == Step.REJECT && key.why() == null) {
                problems.add(new FormError(
                        field + ".reason",
                        key.label() + ": give the reason for sending it back, for its owner to read"));
            }
            Optional<IndicatorValue> value = rows.find(key.indicatorId(), key.key());
            if (value.isEmpty()) {
                problems.add(new FormError(field, key.label() + ": there is no value to " + verb(step)));
                continue;
            }
            Indicator indicator = indicators.indicator(key.indicatorId());
            boolean allowed = step == Step.SUBMIT
                    ? scope.covers(indicator.owningUnitId(), indicator.ownerUserId())
                    : scope.covers(approvalUnit(indicator, units));
            if (!allowed) {
                problems.add(new FormError(
                        field,
                        key.label() + ": "
                                + uncapitalised(AccessPolicy.refusal(
                                        step == Step.SUBMIT ? Action.ENTER : Action.APPROVE,
                                        "indicator " + indicator.code()))));
                continue;
            }
            try {
                IndicatorValue next = apply(step, value.get());
                if (step == Step.SUBMIT && isRedWithoutNarrative(indicator, value.get())) {
                    problems.add(new FormError(
                            field,
                            key.label() + ": it is Red against its target, so it needs a narrative (why, and what is"
                                    + " being done about it) before it can be submitted"));
                    continue;
                }
                found.add(value.get());
                moved.add(next);
            } catch (IllegalTransition refused) {
                problems.add(new FormError(field, key.label() + ": " + uncapitalised(refused.getMessage())));
            }
        }
        return problems;
    }

    private List<IndicatorValue> write(
            Step step, List<Key> keys, List<IndicatorValue> found, List<IndicatorValue> moved, long userId) {
        Instant now = clock.instant();
        List<IndicatorValue> result = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            IndicatorValue before = found.get(i);
            IndicatorValue next = moved.get(i);
            String why = keys.get(i).why();
            if (!rows.changeStatus(
                    before.id(), before.version(), next.status(), step == Step.REJECT ? why : null, userId, now)) {
                throw new org.beaconpm.platform.StaleEdit(
                        "The value for " + before.period().label());
            }
            rows.recordChange(
                    before.id(),
                    before.indicatorId(),
                    userId,
                    now,
                    step == Step.REJECT ? "rejected: " + why : pastTense(step),
                    before.value(),
                    before.value(),
                    before.narrative(),
                    before.narrative());
            IndicatorValue after = rows.find(before.id()).orElseThrow();
            Indicator indicator = indicators.indicator(before.indicatorId());
            Map<String, Object> state = Values.audited(after);
            if (step == Step.REJECT) {
                state.put("reason", why);
            }
            audit.record(
                    Values.AUDITED,
                    values.auditKey(indicator, after),
                    step.name().toLowerCase(java.util.Locale.ROOT),
                    Values.audited(before),
                    state);
            String period = after.period().code();
            events.publishEvent(
                    switch (step) {
                        case SUBMIT -> new ValueSubmitted(after.id(), after.indicatorId(), period, userId, now);
                        case APPROVE -> new ValueApproved(after.id(), after.indicatorId(), period, userId, now);
                        case REJECT -> new ValueRejected(after.id(), after.indicatorId(), period, userId, now, why);
                    });
            result.add(after);
        }
        return result;
    }

    /** The values waiting for the current person's approval, oldest first; at most 1,000. */
    @Transactional(readOnly = true)
    public List<Waiting> queue() {
        AccessPolicy.Scope scope = policy.current(Action.APPROVE);
        Map<Long, OrganisationUnit> units = unitsById();
        Map<Long, Indicator> approvable = indicators.visible().stream()
                .filter(indicator -> scope.covers(approvalUnit(indicator, units)))
                .collect(Collectors.toMap(Indicator::id, Function.identity()));
        return rows.submitted(approvable.keySet()).stream()
                .map(value -> new Waiting(approvable.get(value.indicatorId()), value))
                .toList();
    }

    /** Whether the current person may approve the indicator's values, at its approval level. */
    public boolean mayApprove(Indicator indicator) {
        return policy.current(Action.APPROVE).covers(approvalUnit(indicator, unitsById()));
    }

    /** Why each of these values was sent back, by value id, for those sent back and not entered again since. */
    public Map<Long, Rejection> rejections(Collection<Long> valueIds) {
        Map<Long, Rejection> byId = new HashMap<>();
        rows.rejections(valueIds).forEach(rejection -> byId.put(rejection.valueId(), rejection));
        return byId;
    }

    /** The unit whose approvers approve the indicator's values: the one above its owner, or the owner itself. */
    private long approvalUnit(Indicator indicator, Map<Long, OrganisationUnit> units) {
        long owner = indicator.owningUnitId();
        if (!levelAbove) {
            return owner;
        }
        OrganisationUnit unit = units.get(owner);
        return unit == null || unit.parentId() == null ? owner : unit.parentId();
    }

    private Map<Long, OrganisationUnit> unitsById() {
        return structure.allUnits().stream().collect(Collectors.toMap(OrganisationUnit::id, Function.identity()));
    }

    private boolean isRedWithoutNarrative(Indicator indicator, IndicatorValue value) {
        if (value.narrative() != null && !value.narrative().isBlank()) {
            return false;
        }
        ValueEntry breakdown = new ValueEntry(
                value.period(),
                value.areaId(),
                value.groupId(),
                value.supplierId(),
                value.value(),
                value.numerator(),
                value.denominator(),
                null);
        return values.rate(indicator, value.period(), breakdown, value.value()) == Status.RED;
    }

    private static IndicatorValue apply(Step step, IndicatorValue value) {
        return switch (step) {
            case SUBMIT -> value.submit();
            case APPROVE -> value.approve();
            case REJECT -> value.reject();
        };
    }

    private static String verb(Step step) {
        return step.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String pastTense(Step step) {
        return switch (step) {
            case SUBMIT -> "submitted";
            case APPROVE -> "approved";
            case REJECT -> "rejected";
        };
    }

    private static String uncapitalised(String message) {
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
