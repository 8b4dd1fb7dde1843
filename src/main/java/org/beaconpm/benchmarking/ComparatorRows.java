package org.beaconpm.benchmarking;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored comparator values, comparison groups and midpoints. */
@Repository
class ComparatorRows {

    /** One organisation's value of an indicator for a period. */
    record Comparator(
            long indicatorId,
            String organisation,
            Period period,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator) {

        String key() {
            return indicatorId + "|" + period.code() + "|" + organisation;
        }

        boolean sameFigures(Comparator other) {
            return same(value, other.value) && same(numerator, other.numerator) && same(denominator, other.denominator);
        }

        private static boolean same(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    record Group(long id, String name, List<String> members) {}

    private static final String SELECT =
            "select indicator_id, comparator, period_type, period, value, numerator, denominator from comparator_value";

    private final JdbcClient jdbc;

    ComparatorRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The comparator values of these indicators, locked until the transaction ends: what an import may change. */
    List<Comparator> forIndicatorsLocked(Collection<Long> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where indicator_id = any(:indicators) for update")
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .query(ComparatorRows::comparator)
                .list();
    }

    /** Every period's values of an indicator for the named organisations. */
    List<Comparator> forIndicator(long indicatorId, Collection<String> organisations) {
        return jdbc.sql(SELECT + " where indicator_id = :indicator and comparator = any(:names)")
                .param("indicator", indicatorId)
                .param("names", organisations.toArray(String[]::new))
                .query(ComparatorRows::comparator)
                .list();
    }

    /** The periods an indicator has comparator values for, latest first. */
    List<String> periods(long indicatorId) {
        return jdbc.sql(
                        """
                        select period from comparator_value where indicator_id = :indicator
                        group by period order by max(period_end) desc, period
                        """)
                .param("indicator", indicatorId)
                .query(String.class)
                .list();
    }

    void insert(long organisationId, Comparator c) {
        jdbc.sql(
                        """
                        insert into comparator_value (organisation_id, indicator_id, comparator, period, period_type, period_start,
                                                      period_end, value, numerator, denominator)
                        values (:organisation, :indicator, :comparator, :period, :type, :start, :end, :value, :numerator,
                                :denominator)
                        """)
                .param("organisation", organisationId)
                .param("indicator", c.indicatorId())
                .param("comparator", c.organisation())
                .param("period", c.period().code())
                .param("type", c.period().type().name())
                .param("start", c.period().start())
                .param("end", c.period().end())
                .param("value", c.value())
                .param("numerator", c.numerator())
                .param("denominator", c.denominator())
                .update();
    }

    void update(Comparator c) {
        jdbc.sql(
                        """
                        update comparator_value
                        set value = :value, numerator = :numerator, denominator = :denominator, imported_at = now()
                        where indicator_id = :indicator and period = :period and comparator = :comparator
                        """)
                .param("indicator", c.indicatorId())
                .param("comparator", c.organisation())
                .param("period", c.period().code())
                .param("value", c.value())
                .param("numerator", c.numerator())
                .param("denominator", c.denominator())
                .update();
    }

    /** The organisation's comparison groups with their members, by name. */
    List<Group> groups(long organisationId) {
        List<Group> bare = jdbc.sql("select id, name from comparison_group where organisation_id = :organisation"
                        + " order by name")
                .param("organisation", organisationId)
                .query((row, n) -> new Group(row.getLong(1), row.getString(2), List.of()))
                .list();
        return bare.stream()
                .map(group -> new Group(group.id(), group.name(), members(group.id())))
                .toList();
    }

    Optional<Group> group(long organisationId, String name) {
        return jdbc.sql("select id, name from comparison_group where organisation_id = :organisation and name = :name")
                .param("organisation", organisationId)
                .param("name", name)
                .query((row, n) -> new Group(row.getLong(1), row.getString(2), members(row.getLong(1))))
                .optional();
    }

    private List<String> members(long groupId) {
        return jdbc.sql("select comparator from comparison_group_member where group_id = :group order by comparator")
                .param("group", groupId)
                .query(String.class)
                .list();
    }

    long insertGroup(long organisationId, String name) {
        return jdbc.sql("insert into comparison_group (organisation_id, name) values (:organisation, :name)"
                        + " returning id")
                .param("organisation", organisationId)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    void replaceMembers(long groupId, Collection<String> members) {
        jdbc.sql("delete from comparison_group_member where group_id = :group")
                .param("group", groupId)
                .update();
        jdbc.sql(
                        """
                        insert into comparison_group_member (group_id, comparator)
                        select :group, unnest(:members)
                        """)
                .param("group", groupId)
                .param("members", members.toArray(String[]::new))
                .update();
    }

    Optional<BigDecimal> midpoint(long indicatorId) {
        return jdbc.sql("select midpoint from benchmark_midpoint where indicator_id = :indicator")
                .param("indicator", indicatorId)
                .query(BigDecimal.class)
                .optional();
    }

    void setMidpoint(long organisationId, long indicatorId, BigDecimal midpoint) {
        jdbc.sql(
                        """
                        insert into benchmark_midpoint (indicator_id, organisation_id, midpoint)
                        values (:indicator, :organisation, :midpoint)
                        on conflict (indicator_id) do update set midpoint = excluded.midpoint
                        """)
                .param("indicator", indicatorId)
                .param("organisation", organisationId)
                .param("midpoint", midpoint)
                .update();
    }

    private static Comparator comparator(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Comparator(
                row.getLong(1),
                row.getString(2),
                Period.parse(PeriodType.valueOf(row.getString(3)), row.getString(4)),
                row.getBigDecimal(5),
                row.getBigDecimal(6),
                row.getBigDecimal(7));
    }
}
