package org.beaconpm.quality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.beaconpm.assessment.OutlierMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checks of indicators and the validation rules, in their tables. */
@Repository
class QualityRows {

    private final JdbcClient jdbc;

    QualityRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IndicatorCheck> checks() {
        return jdbc.sql(
                        """
                        select indicator_id, valid_min, valid_max, range_severity, max_change_percent, change_severity,
                               outlier_method, outlier_threshold
                        from indicator_check
                        """)
                .query(QualityRows::check)
                .list();
    }

    Optional<IndicatorCheck> check(long indicatorId) {
        return jdbc.sql(
                        """
                        select indicator_id, valid_min, valid_max, range_severity, max_change_percent, change_severity,
                               outlier_method, outlier_threshold
                        from indicator_check where indicator_id = :id
                        """)
                .param("id", indicatorId)
                .query(QualityRows::check)
                .optional();
    }

    /** Writes the check of an indicator; true if it was new. */
    boolean putCheck(long organisationId, IndicatorCheck check) {
        boolean existed = check(check.indicatorId()).isPresent();
        jdbc.sql(
                        """
                        insert into indicator_check (indicator_id, organisation_id, valid_min, valid_max, range_severity,
                                                     max_change_percent, change_severity, outlier_method,
                                                     outlier_threshold)
                        values (:indicator, :organisation, :min, :max, :rangeSeverity, :change, :changeSeverity,
                                :method, :threshold)
                        on conflict (indicator_id) do update set
                            valid_min = excluded.valid_min, valid_max = excluded.valid_max,
                            range_severity = excluded.range_severity, max_change_percent = excluded.max_change_percent,
                            change_severity = excluded.change_severity, outlier_method = excluded.outlier_method,
                            outlier_threshold = excluded.outlier_threshold,
                            version = indicator_check.version + 1
                        """)
                .param("indicator", check.indicatorId())
                .param("organisation", organisationId)
                .param("min", check.validMin())
                .param("max", check.validMax())
                .param("rangeSeverity", check.rangeSeverity().name())
                .param("change", check.maxChangePercent())
                .param("changeSeverity", check.changeSeverity().name())
                .param(
                        "method",
                        check.outlierMethod() == null
                                ? null
                                : check.outlierMethod().name())
                .param("threshold", check.outlierThreshold())
                .update();
        return !existed;
    }

    List<ValidationRule> rules() {
        return jdbc.sql(
                        """
                        select r.id, r.code, r.name, r.left_indicator_id, l.code as left_code, r.left_part,
                               r.comparison, r.right_indicator_id, rt.code as right_code, r.right_part, r.missing,
                               r.severity
                        from validation_rule r
                        join indicator l on l.id = r.left_indicator_id
                        join indicator rt on rt.id = r.right_indicator_id
                        order by r.code
                        """)
                .query((row, n) -> new ValidationRule(
                        row.getLong("id"),
                        row.getString("code"),
                        row.getString("name"),
                        new ValidationRule.Side(
                                row.getLong("left_indicator_id"),
                                row.getString("left_code"),
                                Part.valueOf(row.getString("left_part"))),
                        Comparison.valueOf(row.getString("comparison")),
                        new ValidationRule.Side(
                                row.getLong("right_indicator_id"),
                                row.getString("right_code"),
                                Part.valueOf(row.getString("right_part"))),
                        MissingValues.valueOf(row.getString("missing")),
                        Severity.valueOf(row.getString("severity"))))
                .list();
    }

    /** Writes a rule by its code; true if it was new. */
    boolean putRule(long organisationId, ValidationRule rule) {
        boolean existed = jdbc.sql("select count(*) from validation_rule where code = :code")
                        .param("code", rule.code())
                        .query(Long.class)
                        .single()
                > 0;
        jdbc.sql(
                        """
                        insert into validation_rule (organisation_id, code, name, left_indicator_id, left_part,
                                                     comparison, right_indicator_id, right_part, missing, severity)
                        values (:organisation, :code, :name, :left, :leftPart, :comparison, :right, :rightPart,
                                :missing, :severity)
                        on conflict (code) do update set
                            name = excluded.name, left_indicator_id = excluded.left_indicator_id,
                            left_part = excluded.left_part, comparison = excluded.comparison,
                            right_indicator_id = excluded.right_indicator_id, right_part = excluded.right_part,
                            missing = excluded.missing, severity = excluded.severity,
                            version = validation_rule.version + 1
                        """)
                .param("organisation", organisationId)
                .param("code", rule.code())
                .param("name", rule.name())
                .param("left", rule.left().indicatorId())
                .param("leftPart", rule.left().part().name())
                .param("comparison", rule.comparison().name())
                .param("right", rule.right().indicatorId())
                .param("rightPart", rule.right().part().name())
                .param("missing", rule.missing().name())
                .param("severity", rule.severity().name())
                .update();
        return !existed;
    }

    private static IndicatorCheck check(ResultSet row, int n) throws SQLException {
        String method = row.getString("outlier_method");
        return new IndicatorCheck(
                row.getLong("indicator_id"),
                row.getBigDecimal("valid_min"),
                row.getBigDecimal("valid_max"),
                Severity.valueOf(row.getString("range_severity")),
                row.getBigDecimal("max_change_percent"),
                Severity.valueOf(row.getString("change_severity")),
                method == null ? null : OutlierMethod.valueOf(method),
                (BigDecimal) row.getObject("outlier_threshold"));
    }
}
