package org.beaconpm.organisation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partnerships and the organisations that belong to them. */
@Service
public class Partnerships {

    private static final String SELECT =
            """
            select p.id, p.code, p.name, p.description, p.retired_on, p.version,
                   array(select m.organisation_id from partnership_member m
                         where m.partnership_id = p.id order by m.organisation_id) as members
            from partnership p
            """;

    private final JdbcClient jdbc;
    private final OrganisationUnits units;

    Partnerships(JdbcClient jdbc, OrganisationUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    public List<Partnership> all() {
        return jdbc.sql(SELECT + " order by lower(p.name)")
                .query(Partnerships::partnership)
                .list();
    }

    public Partnership partnership(long id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .query(Partnerships::partnership)
                .optional()
                .orElseThrow(() -> new NotFound("Partnership " + id));
    }

    public List<Long> organisationIdsOf(long partnershipId) {
        return partnership(partnershipId).organisationIds();
    }

    @Transactional
    public long create(String code, String name, String description, Set<Long> organisationIds) {
        check(code, name, organisationIds);
        if (jdbc.sql("select count(*) from partnership where code = :code")
                        .param("code", code.strip())
                        .query(Integer.class)
                        .single()
                > 0) {
            throw new RuleBroken("code", "A partnership with code " + code.strip() + " already exists");
        }
        long id = jdbc.sql("insert into partnership (code, name, description) values (:code, :name, :description)"
                        + " returning id")
                .param("code", code.strip())
                .param("name", name.strip())
                .param("description", description)
                .query(Long.class)
                .single();
        replaceMembers(id, organisationIds);
        return id;
    }

    @Transactional
    public void update(
            long id, int version, String name, String description, Set<Long> organisationIds, LocalDate retiredOn) {
        check(partnership(id).code(), name, organisationIds);
        int changed = jdbc.sql(
                        """
                        update partnership set name = :name, description = :description, retired_on = :retiredOn,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", version)
                .param("name", name.strip())
                .param("description", description)
                .param("retiredOn", retiredOn)
                .update();
        if (changed == 0) {
            throw new StaleEdit("This partnership");
        }
        replaceMembers(id, organisationIds);
    }

    private void check(String code, String name, Set<Long> organisationIds) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("code", "Enter a code");
        }
        UnitsCsv.codeProblem(code.strip()).ifPresent(problem -> {
            throw new RuleBroken("code", OrganisationStructure.capitalise(problem));
        });
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter a name");
        }
        if (organisationIds.isEmpty()) {
            throw new RuleBroken("organisations", "Choose at least one member organisation");
        }
        for (long organisationId : organisationIds) {
            OrganisationUnit unit =
                    units.find(organisationId).orElseThrow(() -> new NotFound("Organisation " + organisationId));
            if (!unit.isOrganisation()) {
                throw new RuleBroken("organisations", unit.name() + " is not an organisation");
            }
        }
    }

    private void replaceMembers(long id, Set<Long> organisationIds) {
        jdbc.sql("delete from partnership_member where partnership_id = :id")
                .param("id", id)
                .update();
        for (long organisationId : organisationIds) {
            jdbc.sql("insert into partnership_member (partnership_id, organisation_id) values (:id, :organisation)")
                    .param("id", id)
                    .param("organisation", organisationId)
                    .update();
        }
    }

    private static Partnership partnership(ResultSet row, int number) throws SQLException {
        Array members = row.getArray("members");
        return new Partnership(
                row.getLong("id"),
                row.getString("code"),
                row.getString("name"),
                row.getString("description"),
                row.getObject("retired_on", LocalDate.class),
                row.getInt("version"),
                Arrays.stream((Long[]) members.getArray()).toList());
    }
}
