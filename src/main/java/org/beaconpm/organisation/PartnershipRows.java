package org.beaconpm.organisation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partnership table and its members, partnership_member. */
@Repository
class PartnershipRows {

    private static final String SELECT =
            """
            select p.id, p.code, p.name, p.description, p.retired_on, p.version,
                   array(select m.organisation_id from partnership_member m
                         where m.partnership_id = p.id order by m.organisation_id) as members
            from partnership p
            """;

    private final JdbcClient jdbc;

    PartnershipRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Partnership> all() {
        return jdbc.sql(SELECT + " order by lower(p.name)")
                .query(PartnershipRows::partnership)
                .list();
    }

    Optional<Partnership> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .query(PartnershipRows::partnership)
                .optional();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from partnership where code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    long insert(String code, String name, String description) {
        return jdbc.sql(
                        """
                        insert into partnership (code, name, description) values (:code, :name, :description)
                        returning id
                        """)
                .param("code", code)
                .param("name", name)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    /** Saves the partnership if it is still at {@code version}; says whether it was. */
    boolean update(long id, int version, String name, String description, LocalDate retiredOn) {
        return jdbc.sql(
                                """
                                update partnership set name = :name, description = :description, retired_on = :retiredOn,
                                    version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("name", name)
                        .param("description", description)
                        .param("retiredOn", retiredOn)
                        .update()
                > 0;
    }

    /** Makes these organisations, and only these, the partnership's members. */
    void replaceMembers(long id, Collection<Long> organisationIds) {
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
