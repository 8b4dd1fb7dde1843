package org.beaconpm.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation_unit table. */
@Repository
class OrganisationUnits {

    private static final String TREE =
            """
            with recursive tree as (
                select u.*, 0 as depth, array[lower(u.name) || '|' || u.id] as path
                from organisation_unit u
                where u.parent_id is null
                union all
                select c.*, t.depth + 1, t.path || (lower(c.name) || '|' || c.id)
                from organisation_unit c
                join tree t on c.parent_id = t.id
            )
            select id, organisation_id, parent_id, code, name, level, organisation_type, retired_on, version, depth
            from tree
            """;

    private final JdbcClient jdbc;

    OrganisationUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrganisationUnit> all() {
        return jdbc.sql(TREE + " order by path").query(OrganisationUnits::unit).list();
    }

    Optional<OrganisationUnit> find(long id) {
        return jdbc.sql(TREE + " where id = :id")
                .param("id", id)
                .query(OrganisationUnits::unit)
                .optional();
    }

    Optional<OrganisationUnit> findByCode(String code) {
        return jdbc.sql(TREE + " where code = :code")
                .param("code", code)
                .query(OrganisationUnits::unit)
                .optional();
    }

    /** The ids of the given units and of every unit beneath them. */
    Set<Long> subtrees(Collection<Long> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql(
                        """
                        with recursive below as (
                            select id from organisation_unit where id in (:roots)
                            union
                            select c.id from organisation_unit c join below b on c.parent_id = b.id
                        )
                        select id from below
                        """)
                .param("roots", roots)
                .query(Long.class)
                .list());
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from organisation_unit)")
                .query(Boolean.class)
                .single();
    }

    long insert(UnitNode unit, Long parentId) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('organisation_unit', 'id'))")
                .query(Long.class)
                .single();
        jdbc.sql(
                        """
                        insert into organisation_unit
                            (id, organisation_id, parent_id, code, name, level, organisation_type, retired_on)
                        values (:id, coalesce((select organisation_id from organisation_unit where id = :parent), :id),
                                :parent, :code, :name, :level, :type, :retiredOn)
                        """)
                .param("id", id)
                .param("parent", parentId)
                .param("code", unit.code())
                .param("name", unit.name())
                .param("level", unit.level().name())
                .param("type", unit.type() == null ? null : unit.type().name())
                .param("retiredOn", unit.retiredOn())
                .update();
        return id;
    }

    /** Saves a changed unit; with a version, refuses the change if the unit was saved by someone else meanwhile. */
    void update(long id, Integer expectedVersion, UnitNode unit, Long parentId) {
        int changed = jdbc.sql(
                        """
                        update organisation_unit
                        set parent_id = :parent, code = :code, name = :name, level = :level,
                            organisation_type = :type, retired_on = :retiredOn, version = version + 1
                        where id = :id and (cast(:version as integer) is null or version = :version)
                        """)
                .param("id", id)
                .param("version", expectedVersion)
                .param("parent", parentId)
                .param("code", unit.code())
                .param("name", unit.name())
                .param("level", unit.level().name())
                .param("type", unit.type() == null ? null : unit.type().name())
                .param("retiredOn", unit.retiredOn())
                .update();
        if (changed == 0) {
            throw new StaleEdit("Unit " + unit.code());
        }
    }

    /** Sets each unit's organisation to the top of its branch, after units have moved. */
    void realignOrganisations() {
        jdbc.sql(
                        """
                        with recursive tree (id, organisation_id) as (
                            select id, id from organisation_unit where parent_id is null
                            union all
                            select c.id, t.organisation_id from organisation_unit c join tree t on c.parent_id = t.id
                        )
                        update organisation_unit u set organisation_id = t.organisation_id
                        from tree t
                        where u.id = t.id and u.organisation_id <> t.organisation_id
                        """)
                .update();
    }

    private static OrganisationUnit unit(ResultSet row, int number) throws SQLException {
        String type = row.getString("organisation_type");
        return new OrganisationUnit(
                row.getLong("id"),
                row.getLong("organisation_id"),
                row.getObject("parent_id", Long.class),
                row.getString("code"),
                row.getString("name"),
                UnitLevel.valueOf(row.getString("level")),
                type == null ? null : OrganisationType.valueOf(type),
                row.getObject("retired_on", java.time.LocalDate.class),
                row.getInt("version"),
                row.getInt("depth"));
    }
}
