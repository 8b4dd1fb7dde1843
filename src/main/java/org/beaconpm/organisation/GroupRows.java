package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The population_dimension table and its groups, population_group. */
@Repository
class GroupRows {

    private final JdbcClient jdbc;

    GroupRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every dimension by name, each with its groups in the order they were added. */
    List<PopulationDimension> dimensions() {
        Map<Long, List<PopulationGroup>> groups = jdbc
                .sql(
                        """
                        select id, dimension_id, code, name, retired_on, version
                        from population_group order by dimension_id, id
                        """)
                .query(PopulationGroup.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(PopulationGroup::dimensionId));
        return jdbc.sql("select id, code, name, retired_on, version from population_dimension order by lower(name)")
                .query((row, n) -> new PopulationDimension(
                        row.getLong("id"),
                        row.getString("code"),
                        row.getString("name"),
                        row.getObject("retired_on", LocalDate.class),
                        row.getInt("version"),
                        groups.getOrDefault(row.getLong("id"), List.of())))
                .list();
    }

    boolean dimensionCodeTaken(String code) {
        return jdbc.sql("select exists (select 1 from population_dimension where code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    long insertDimension(String code, String name) {
        return jdbc.sql("insert into population_dimension (code, name) values (:code, :name) returning id")
                .param("code", code)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    /** Saves the dimension if it is still at {@code version}; says whether it was. */
    boolean updateDimension(long id, int version, String name, LocalDate retiredOn) {
        return jdbc.sql(
                                """
                                update population_dimension set name = :name, retired_on = :retiredOn, version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("name", name)
                        .param("retiredOn", retiredOn)
                        .update()
                > 0;
    }

    /** Whether the dimension already has a group with the code. */
    boolean groupCodeTaken(long dimensionId, String code) {
        return jdbc.sql(
                        """
                        select exists (select 1 from population_group where code = :code and dimension_id = :dimension)
                        """)
                .param("code", code)
                .param("dimension", dimensionId)
                .query(Boolean.class)
                .single();
    }

    long insertGroup(long dimensionId, String code, String name) {
        return jdbc.sql(
                        """
                        insert into population_group (dimension_id, code, name) values (:dimension, :code, :name)
                        returning id
                        """)
                .param("dimension", dimensionId)
                .param("code", code)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    /** Saves the group if it is still at {@code version}; says whether it was. */
    boolean updateGroup(long id, int version, String name, LocalDate retiredOn) {
        return jdbc.sql(
                                """
                                update population_group set name = :name, retired_on = :retiredOn, version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("name", name)
                        .param("retiredOn", retiredOn)
                        .update()
                > 0;
    }
}
