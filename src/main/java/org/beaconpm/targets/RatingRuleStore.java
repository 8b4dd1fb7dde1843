package org.beaconpm.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.assessment.RatingRule;
import org.beaconpm.assessment.RatingRules;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.indicators.IndicatorToleranceChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The versions of the corporate, organisation and indicator rating rules, and the rule book they make. */
@Service
public class RatingRuleStore {

    private final RuleRows rows;

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    RatingRuleStore(RuleRows rows, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    /** All rules as they stand now. */
    public RuleBook book() {
        List<RuleRows.Row> versions = rows.all();
        List<RatingRules.Version> corporate = new ArrayList<>();
        Map<Long, List<RatingRules.Version>> organisations = new HashMap<>();
        Map<Long, List<RatingRules.Version>> indicators = new HashMap<>();
        for (RuleRows.Row row : versions) {
            var version = new RatingRules.Version(row.effectiveFrom(), row.rule());
            if (row.indicatorId() != null) {
                indicators
                        .computeIfAbsent(row.indicatorId(), k -> new ArrayList<>())
                        .add(version);
            } else if (row.organisationId() != null) {
                organisations
                        .computeIfAbsent(row.organisationId(), k -> new ArrayList<>())
                        .add(version);
            } else {
                corporate.add(version);
            }
        }
        return new RuleBook(new RatingRules(corporate), rules(organisations), rules(indicators));
    }

    /**
     * Records a rule version for an organisation (or, with neither id, the corporate rule) from a date. A version
     * already starting that day is replaced.
     */
    @Transactional
    public void setRule(
            Long organisationId,
            Long indicatorId,
            LocalDate effectiveFrom,
            BigDecimal tolerancePercent,
            BigDecimal toleranceAbsolute,
            BigDecimal greenTolerancePercent,
            RatingRule.AmberCondition amberCondition,
            BigDecimal noChangeBandPercent) {
        rows.save(
                organisationId,
                indicatorId,
                effectiveFrom,
                tolerancePercent,
                toleranceAbsolute,
                greenTolerancePercent,
                amberCondition,
                noChangeBandPercent);
        Map<String, Object> rule = new java.util.LinkedHashMap<>();
        rule.put("effectiveFrom", effectiveFrom);
        rule.put("tolerancePercent", tolerancePercent);
        rule.put("toleranceAbsolute", toleranceAbsolute);
        rule.put("greenTolerancePercent", greenTolerancePercent);
        rule.put("amberCondition", amberCondition);
        rule.put("noChangeBandPercent", noChangeBandPercent);
        audit.record("rating-rule", ruleKey(organisationId, indicatorId), "set", null, rule);
        events.publishEvent(new RatingRuleChanged(organisationId, indicatorId, effectiveFrom, clock.instant()));
    }

    /**
     * An indicator's own tolerance becomes a rule version of that indicator, from the date of the change; removing it
     * is a version too, from which the organisation's rule applies again. Either replaces a version of the same day.
     */
    @EventListener
    void on(IndicatorToleranceChanged changed) {
        if (changed.tolerancePercent() == null && changed.toleranceAbsolute() == null) {
            rows.clearIndicatorRule(changed.indicatorId(), changed.effectiveFrom());
            audit.record(
                    "rating-rule",
                    ruleKey(null, changed.indicatorId()),
                    "clear",
                    null,
                    Map.of("effectiveFrom", changed.effectiveFrom()));
            events.publishEvent(
                    new RatingRuleChanged(null, changed.indicatorId(), changed.effectiveFrom(), clock.instant()));
            return;
        }
        setRule(
                null,
                changed.indicatorId(),
                changed.effectiveFrom(),
                changed.tolerancePercent(),
                changed.toleranceAbsolute(),
                null,
                null,
                null);
    }

    /** A rule's key in the audit trail: {@code corporate}, {@code organisation 12} or {@code indicator 345}. */
    private static String ruleKey(Long organisationId, Long indicatorId) {
        if (indicatorId != null) {
            return "indicator " + indicatorId;
        }
        return organisationId == null ? "corporate" : "organisation " + organisationId;
    }

    private static Map<Long, RatingRules> rules(Map<Long, List<RatingRules.Version>> versions) {
        Map<Long, RatingRules> rules = new HashMap<>();
        versions.forEach((id, list) -> rules.put(id, new RatingRules(list)));
        return rules;
    }
}
