package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Population dimensions and their groups: the breakdowns by who, beside the breakdowns by where. */
@Service
public class PopulationGroups {

    private final JdbcClient jdbc;

    PopulationGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PopulationDimension> dimensions() {
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

    public PopulationDimension dimension(long id) {
        return dimensions().stream()
                .filter(dimension -> dimension.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("Population dimension " + id));
    }

    @Transactional
    public long createDimension(String code, String name) {
        check(code, name);
        refuseTaken("select exists (select 1 from population_dimension where code = :code)", code, null);
        return jdbc.sql("insert into population_dimension (code, name) values (:code, :name) returning id")
                .param("code", code.strip())
                .param("name", name.strip())
                .query(Long.class)
                .single();
    }

    @Transactional
    public void saveDimension(long id, int version, String name, LocalDate retiredOn) {
        check(dimension(id).code(), name);
        refuseStale(
                jdbc.sql(
                                """
                                update population_dimension set name = :name, retired_on = :retiredOn, version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("name", name.strip())
                        .param("retiredOn", retiredOn)
                        .update(),
                "This dimension");
    }

    @Transactional
    public long createGroup(long dimensionId, String code, String name) {
        dimension(dimensionId);
        check(code, name);
        refuseTaken(
                "select exists (select 1 from population_group where code = :code and dimension_id = :dimension)",
                code,
                dimensionId);
        return jdbc.sql(
                        """
                        insert into population_group (dimension_id, code, name) values (:dimension, :code, :name)
                        returning id
                        """)
                .param("dimension", dimensionId)
                .param("code", code.strip())
                .param("name", name.strip())
                .query(Long.class)
                .single();
    }

    @Transactional
    public void saveGroup(long id, int version, String name, LocalDate retiredOn) {
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter a name");
        }
        refuseStale(
                jdbc.sql(
                                """
                                update population_group set name = :name, retired_on = :retiredOn, version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("name", name.strip())
                        .param("retiredOn", retiredOn)
                        .update(),
                "This group");
    }

    private static void check(String code, String name) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("code", "Enter a code");
        }
        UnitsCsv.codeProblem(code.strip()).ifPresent(problem -> {
            throw new RuleBroken("code", OrganisationStructure.capitalise(problem));
        });
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter a name");
        }
    }

    private void refuseTaken(String sql, String code, Long dimensionId) {
        var statement = jdbc.sql(sql).param("code", code.strip());
        if (dimensionId != null) {
            statement = statement.param("dimension", dimensionId);
        }
        if (statement.query(Boolean.class).single()) {
            throw new RuleBroken("code", "Code " + code.strip() + " is already used");
        }
    }

    private static void refuseStale(int changed, String what) {
        if (changed == 0) {
            throw new StaleEdit(what);
        }
    }
}
