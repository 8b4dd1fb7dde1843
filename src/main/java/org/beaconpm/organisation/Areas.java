package org.beaconpm.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The areas tree: county, district, ward. A child is always of a lower level than its parent, so no cycle can form. */
@Service
public class Areas {

    private static final String TREE =
            """
            with recursive tree as (
                select a.*, 0 as depth, array[lower(a.name) || '|' || a.id] as path from area a where parent_id is null
                union all
                select c.*, t.depth + 1, t.path || (lower(c.name) || '|' || c.id) from area c join tree t on c.parent_id = t.id
            )
            select id, parent_id, code, name, level, retired_on, version, depth from tree
            """;

    private final JdbcClient jdbc;

    Areas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Area> all() {
        return jdbc.sql(TREE + " order by path").query(Areas::area).list();
    }

    public Area area(long id) {
        return jdbc.sql(TREE + " where id = :id")
                .param("id", id)
                .query(Areas::area)
                .optional()
                .orElseThrow(() -> new NotFound("Area " + id));
    }

    @Transactional
    public long create(String code, String name, AreaLevel level, Long parentId) {
        check(null, code, name, level, parentId, null);
        return jdbc.sql("insert into area (code, name, level, parent_id) values (:code, :name, :level, :parent)"
                        + " returning id")
                .param("code", code.strip())
                .param("name", name.strip())
                .param("level", level.name())
                .param("parent", parentId)
                .query(Long.class)
                .single();
    }

    @Transactional
    public void save(
            long id, int version, String code, String name, AreaLevel level, Long parentId, LocalDate retiredOn) {
        check(id, code, name, level, parentId, retiredOn);
        int changed = jdbc.sql(
                        """
                        update area set code = :code, name = :name, level = :level, parent_id = :parent,
                            retired_on = :retiredOn, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", version)
                .param("code", code.strip())
                .param("name", name.strip())
                .param("level", level.name())
                .param("parent", parentId)
                .param("retiredOn", retiredOn)
                .update();
        if (changed == 0) {
            throw new StaleEdit("Area " + code.strip());
        }
    }

    private void check(Long id, String code, String name, AreaLevel level, Long parentId, LocalDate retiredOn) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("code", "Enter a code, such as the ONS code E05012345");
        }
        UnitsCsv.codeProblem(code.strip()).ifPresent(problem -> {
            throw new RuleBroken("code", OrganisationStructure.capitalise(problem));
        });
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter a name");
        }
        if (level == null) {
            throw new RuleBroken("level", "Choose a level");
        }
        boolean taken = jdbc.sql("select exists (select 1 from area where code = :code and id <> coalesce(:id, -1))")
                .param("code", code.strip())
                .param("id", id)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new RuleBroken("code", "An area with code " + code.strip() + " already exists");
        }
        if (parentId != null) {
            Area parent = area(parentId);
            if (id != null && parent.id() == id) {
                throw new RuleBroken("parent", "An area cannot sit inside itself");
            }
            if (parent.level().ordinal() >= level.ordinal()) {
                throw new RuleBroken(
                        "parent",
                        "A %s cannot sit inside a %s"
                                .formatted(
                                        level.label().toLowerCase(),
                                        parent.level().label().toLowerCase()));
            }
            if (parent.retiredOn() != null && retiredOn == null) {
                throw new RuleBroken("parent", parent.name() + " is retired");
            }
        }
        if (id != null) {
            for (Area child : children(id)) {
                if (child.level().ordinal() <= level.ordinal()) {
                    throw new RuleBroken(
                            "level",
                            "%s is a %s and would sit inside a %s"
                                    .formatted(
                                            child.name(),
                                            child.level().label().toLowerCase(),
                                            level.label().toLowerCase()));
                }
                if (retiredOn != null && child.retiredOn() == null) {
                    throw new RuleBroken("retiredOn", "Retire or move its active areas first, such as " + child.name());
                }
            }
        }
    }

    private List<Area> children(long id) {
        return jdbc.sql(TREE + " where parent_id = :id")
                .param("id", id)
                .query(Areas::area)
                .list();
    }

    private static Area area(ResultSet row, int number) throws SQLException {
        return new Area(
                row.getLong("id"),
                row.getObject("parent_id", Long.class),
                row.getString("code"),
                row.getString("name"),
                AreaLevel.valueOf(row.getString("level")),
                row.getObject("retired_on", LocalDate.class),
                row.getInt("version"),
                row.getInt("depth"));
    }
}
