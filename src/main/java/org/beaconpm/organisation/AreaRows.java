package org.beaconpm.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The area table, read as a tree: each area with its depth, children after their parent and by name. */
@Repository
class AreaRows {

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

    AreaRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Area> all() {
        return jdbc.sql(TREE + " order by path").query(AreaRows::area).list();
    }

    Optional<Area> find(long id) {
        return jdbc.sql(TREE + " where id = :id")
                .param("id", id)
                .query(AreaRows::area)
                .optional();
    }

    List<Area> children(long id) {
        return jdbc.sql(TREE + " where parent_id = :id")
                .param("id", id)
                .query(AreaRows::area)
                .list();
    }

    Map<String, Long> idsByCode() {
        return jdbc
                .sql("select code, id from area")
                .query((row, number) -> Map.entry(row.getString("code"), row.getLong("id")))
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Whether an area other than {@code exceptId} (none if null) has the code. */
    boolean codeTaken(String code, Long exceptId) {
        return jdbc.sql("select exists (select 1 from area where code = :code and id <> coalesce(:id, -1))")
                .param("code", code)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    long insert(String code, String name, AreaLevel level, Long parentId) {
        return jdbc.sql(
                        """
                        insert into area (code, name, level, parent_id) values (:code, :name, :level, :parent)
                        returning id
                        """)
                .param("code", code)
                .param("name", name)
                .param("level", level.name())
                .param("parent", parentId)
                .query(Long.class)
                .single();
    }

    /** Saves the area if it is still at {@code version}; says whether it was. */
    boolean update(
            long id, int version, String code, String name, AreaLevel level, Long parentId, LocalDate retiredOn) {
        return jdbc.sql(
                                """
                                update area set code = :code, name = :name, level = :level, parent_id = :parent,
                                    retired_on = :retiredOn, version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("code", code)
                        .param("name", name)
                        .param("level", level.name())
                        .param("parent", parentId)
                        .param("retiredOn", retiredOn)
                        .update()
                > 0;
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
