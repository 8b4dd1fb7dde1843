package org.beaconpm.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.assessment.RatingRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rating_rule table: versions of the corporate, organisation and indicator rules. */
@Repository
class RuleRows {

    /** A version as stored; without a rule when it clears the indicator's own. */
    record Row(Long organisationId, Long indicatorId, LocalDate effectiveFrom, RatingRule rule) {}

    private final JdbcClient jdbc;

    RuleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version, earliest first. */
    List<Row> all() {
        return jdbc.sql(
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
    }

    /** Records a version of a rule, replacing one of the same owner starting the same day. */
    void save(
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
    }

    /** Records that an indicator's own rule ends on a day, from which the organisation's applies again. */
    void clearIndicatorRule(long indicatorId, LocalDate effectiveFrom) {
        jdbc.sql(
                        """
                        insert into rating_rule (indicator_id, effective_from, own_rule)
                        values (:indicator, :from, false)
                        on conflict (organisation_id, indicator_id, effective_from) do update set
                            own_rule = false, tolerance_percent = null, tolerance_absolute = null
                        """)
                .param("indicator", indicatorId)
                .param("from", effectiveFrom)
                .update();
    }
}
