package org.beaconpm.indicators;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The indicator_formula table: every version of every calculated indicator's formula. */
@Repository
class FormulaRows {

    private final JdbcClient jdbc;

    FormulaRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FormulaVersion> all() {
        return jdbc.sql(
                        """
                        select indicator_id, effective_from, formula, set_by, set_at from indicator_formula
                        order by indicator_id, effective_from
                        """)
                .query((row, n) -> new FormulaVersion(
                        row.getLong(1),
                        row.getObject(2, LocalDate.class),
                        Formula.parse(row.getString(3)).formula(),
                        row.getObject(4, Long.class),
                        row.getTimestamp(5).toInstant()))
                .list();
    }

    void insert(
            long organisationId, long indicatorId, LocalDate effectiveFrom, String formula, Long setBy, Instant at) {
        jdbc.sql(
                        """
                        insert into indicator_formula (organisation_id, indicator_id, effective_from, formula, set_by,
                            set_at)
                        values (:organisation, :indicator, :from, :formula, :by, :at)
                        """)
                .param("organisation", organisationId)
                .param("indicator", indicatorId)
                .param("from", effectiveFrom)
                .param("formula", formula)
                .param("by", setBy, Types.BIGINT)
                .param("at", Timestamp.from(at))
                .update();
    }
}
