package org.beaconpm.indicators;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The indicator table. */
@Repository
class IndicatorRows {

    private static final String SELECT =
            """
            select id, organisation_id, code, title, definition, why_it_matters, unit, decimals, polarity, frequency,
                   aggregation, kind, source, national_code, owner_unit_id, owner_user_id, tolerance_percent,
                   tolerance_absolute, breakdowns, published, status, version
            from indicator
            """;

    private final JdbcClient jdbc;

    IndicatorRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Indicator> all() {
        return jdbc.sql(SELECT + " order by code")
                .query(IndicatorRows::indicator)
                .list();
    }

    Optional<Indicator> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(IndicatorRows::indicator)
                .optional();
    }

    Optional<Indicator> findByCode(String code) {
        return jdbc.sql(SELECT + " where code = :code")
                .param("code", code)
                .query(IndicatorRows::indicator)
                .optional();
    }

    /** Indicators owned by these units, or whose organisation is one of them. */
    List<Indicator> ownedWithin(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT
                        + " where owner_unit_id in (:units) or (owner_unit_id is null and organisation_id in (:units))"
                        + " order by code")
                .param("units", unitIds)
                .query(IndicatorRows::indicator)
                .list();
    }

    long insert(long organisationId, Long ownerUnitId, IndicatorDefinition d) {
        return jdbc.sql(
                        """
                        insert into indicator (organisation_id, code, title, definition, why_it_matters, unit, decimals,
                            polarity, frequency, aggregation, kind, source, national_code, owner_unit_id,
                            tolerance_percent, tolerance_absolute, breakdowns, published, status)
                        values (:organisation, :code, :title, :definition, :why, :unit, :decimals, :polarity,
                            :frequency, :aggregation, :kind, :source, :national, :owner, :tolerancePercent,
                            :toleranceAbsolute, cast(:breakdowns as text[]), :published, :status)
                        returning id
                        """)
                .params(parameters(organisationId, ownerUnitId, d))
                .query(Long.class)
                .single();
    }

    /** Saves a changed definition; with a version, refuses it if someone saved the indicator meanwhile. */
    void update(long id, Integer version, long organisationId, Long ownerUnitId, IndicatorDefinition d) {
        var parameters = new java.util.HashMap<>(parameters(organisationId, ownerUnitId, d));
        parameters.put("id", id);
        parameters.put("version", version);
        int changed = jdbc.sql(
                        """
                        update indicator set organisation_id = :organisation, code = :code, title = :title,
                            definition = :definition, why_it_matters = :why, unit = :unit, decimals = :decimals,
                            polarity = :polarity, frequency = :frequency, aggregation = :aggregation, kind = :kind,
                            source = :source, national_code = :national, owner_unit_id = :owner,
                            tolerance_percent = :tolerancePercent, tolerance_absolute = :toleranceAbsolute,
                            breakdowns = cast(:breakdowns as text[]), published = :published, status = :status,
                            version = version + 1
                        where id = :id and (cast(:version as integer) is null or version = :version)
                        """)
                .params(parameters)
                .update();
        if (changed == 0) {
            throw new StaleEdit("Indicator " + d.code());
        }
    }

    private static java.util.Map<String, Object> parameters(
            long organisationId, Long ownerUnitId, IndicatorDefinition d) {
        var parameters = new java.util.HashMap<String, Object>();
        parameters.put("organisation", organisationId);
        parameters.put("code", d.code());
        parameters.put("title", d.title());
        parameters.put("definition", d.definition());
        parameters.put("why", d.whyItMatters());
        parameters.put("unit", d.measure().name());
        parameters.put("decimals", d.decimals());
        parameters.put("polarity", Codes.column(d.polarity()));
        parameters.put("frequency", d.frequency().name());
        parameters.put("aggregation", d.aggregation().name());
        parameters.put("kind", d.kind().name());
        parameters.put("source", d.source().name());
        parameters.put("national", d.nationalCode());
        parameters.put("owner", ownerUnitId);
        parameters.put("tolerancePercent", d.tolerancePercent());
        parameters.put("toleranceAbsolute", d.toleranceAbsolute());
        parameters.put(
                "breakdowns",
                "{"
                        + String.join(
                                ",",
                                d.breakdowns().stream()
                                        .map(b -> "\"" + b.replace("\"", "") + "\"")
                                        .toList()) + "}");
        parameters.put("published", d.published());
        parameters.put("status", d.status().name());
        return parameters;
    }

    static Indicator indicator(ResultSet row, int number) throws SQLException {
        Array breakdowns = row.getArray("breakdowns");
        return new Indicator(
                row.getLong("id"),
                row.getLong("organisation_id"),
                row.getString("code"),
                row.getString("title"),
                row.getString("definition"),
                row.getString("why_it_matters"),
                Measure.valueOf(row.getString("unit")),
                row.getInt("decimals"),
                Codes.polarityFromColumn(row.getString("polarity")),
                Frequency.valueOf(row.getString("frequency")),
                Codes.aggregation(row.getString("aggregation")),
                IndicatorKind.valueOf(row.getString("kind")),
                IndicatorSource.valueOf(row.getString("source")),
                row.getString("national_code"),
                row.getObject("owner_unit_id", Long.class),
                row.getObject("owner_user_id", Long.class),
                row.getObject("tolerance_percent", BigDecimal.class),
                row.getObject("tolerance_absolute", BigDecimal.class),
                breakdowns == null ? List.of() : Arrays.asList((String[]) breakdowns.getArray()),
                row.getBoolean("published"),
                IndicatorStatus.valueOf(row.getString("status")),
                row.getInt("version"));
    }
}
