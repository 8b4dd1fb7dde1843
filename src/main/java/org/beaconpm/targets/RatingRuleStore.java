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
import org.beaconpm.indicators.IndicatorToleranceChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rating_rule table: versions of the corporate, organisation and indicator rules. */
@Service
public class RatingRuleStore {

    /** A version as stored; without a rule when it clears the indicator's own. */
    private record Row(Long organisationId, Long indicatorId, LocalDate effectiveFrom, RatingRule rule) {}

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;
    private final Clock clock;

    RatingRuleStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** All rules as they stand now. */
    public RuleBook book() {
        List<Row> rows = jdbc.sql(
                        """
                        select organisation_id, indicator_id, effective_from, own_rule, tolerance_percent,
                               tolerance_absolute, green_tolerance_percent, amber_condition, no_change_band_percent
                        from rating_rule order by effective_from
                        """)
                .query((row, n) -> new Row(
                        row.getObject("organisation_id", Long.class),
                        row.getObject("indicator_id", Long.class),
                        row.getObject("effective_from", LocalDate.class),
                        row.getBoolean("own_rule")
                                ? RuleBook.rule(
                                        row.getBigDecimal("tolerance_percent"),
                                        row.getBigDecimal("tolerance_absolute"),
                                        row.getBigDecimal("green_tolerance_percent"),
                                        RatingRule.AmberCondition.valueOf(row.getString("amber_condition")),
                                        row.getBigDecimal("no_change_band_percent"))
                                : null))
                .list();
        List<RatingRules.Version> corporate = new ArrayList<>();
        Map<Long, List<RatingRules.Version>> organisations = new HashMap<>();
        Map<Long, List<RatingRules.Version>> indicators = new HashMap<>();
        for (Row row : rows) {
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
        jdbc.sql(
                        """
                        insert into rating_rule (organisation_id, indicator_id, effective_from, tolerance_percent,
                            tolerance_absolute, green_tolerance_percent, amber_condition, no_change_band_percent)
                        values (:organisation, :indicator, :from, :percent, :absolute, :green, :amber, :band)
                        on conflict (organisation_id, indicator_id, effective_from) do update set
                            own_rule = true,
                            tolerance_percent = excluded.tolerance_percent,
                            tolerance_absolute = excluded.tolerance_absolute,
                            green_tolerance_percent = excluded.green_tolerance_percent,
                            amber_condition = excluded.amber_condition,
                            no_change_band_percent = excluded.no_change_band_percent
                        """)
                .param("organisation", organisationId, java.sql.Types.BIGINT)
                .param("indicator", indicatorId, java.sql.Types.BIGINT)
                .param("from", effectiveFrom)
                .param("percent", tolerancePercent, java.sql.Types.NUMERIC)
                .param("absolute", toleranceAbsolute, java.sql.Types.NUMERIC)
                .param("green", greenTolerancePercent == null ? BigDecimal.ZERO : greenTolerancePercent)
                .param(
                        "amber",
                        (amberCondition == null ? RatingRule.AmberCondition.UNCONDITIONAL : amberCondition).name())
                .param("band", noChangeBandPercent == null ? BigDecimal.ONE : noChangeBandPercent)
                .update();
        events.publishEvent(new RatingRuleChanged(organisationId, indicatorId, effectiveFrom, clock.instant()));
    }

    /**
     * An indicator's own tolerance becomes a rule version of that indicator, from the date of the change; removing it
     * is a version too, from which the organisation's rule applies again. Either replaces a version of the same day.
     */
    @EventListener
    void on(IndicatorToleranceChanged changed) {
        if (changed.tolerancePercent() == null && changed.toleranceAbsolute() == null) {
            jdbc.sql(
                            """
                            insert into rating_rule (indicator_id, effective_from, own_rule)
                            values (:indicator, :from, false)
                            on conflict (organisation_id, indicator_id, effective_from) do update set
                                own_rule = false, tolerance_percent = null, tolerance_absolute = null
                            """)
                    .param("indicator", changed.indicatorId())
                    .param("from", changed.effectiveFrom())
                    .update();
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

    private static Map<Long, RatingRules> rules(Map<Long, List<RatingRules.Version>> versions) {
        Map<Long, RatingRules> rules = new HashMap<>();
        versions.forEach((id, list) -> rules.put(id, new RatingRules(list)));
        return rules;
    }
}
