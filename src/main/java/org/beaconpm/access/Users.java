package org.beaconpm.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The app_user and role_assignment tables. */
@Repository
class Users {

    record Row(long id, String email, String displayName, String passwordHash, boolean enabled, int version) {}

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean none() {
        return jdbc.sql("select not exists (select 1 from app_user)")
                .query(Boolean.class)
                .single();
    }

    Optional<Row> findByEmail(String email) {
        return jdbc.sql(
                        """
                        select id, email, display_name, password_hash, enabled, version
                        from app_user where lower(email) = lower(:email)
                        """)
                .param("email", email.strip())
                .query(Row.class)
                .optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select id, email, display_name, password_hash, enabled, version from app_user where id = :id")
                .param("id", id)
                .query(Row.class)
                .optional();
    }

    List<Row> all() {
        return jdbc.sql(
                        """
                        select id, email, display_name, password_hash, enabled, version
                        from app_user order by lower(display_name), lower(email)
                        """)
                .query(Row.class)
                .list();
    }

    long insert(String email, String displayName, String passwordHash) {
        return jdbc.sql(
                        """
                        insert into app_user (email, display_name, password_hash)
                        values (:email, :name, :hash) returning id
                        """)
                .param("email", email.strip())
                .param("name", displayName.strip())
                .param("hash", passwordHash)
                .query(Long.class)
                .single();
    }

    void rename(long id, String displayName) {
        jdbc.sql("update app_user set display_name = :name, version = version + 1 where id = :id")
                .param("id", id)
                .param("name", displayName.strip())
                .update();
    }

    /** Every role assignment, by user: for reading many users at once. */
    java.util.Map<Long, List<RoleAssignment>> allAssignments() {
        java.util.Map<Long, List<RoleAssignment>> byUser = new java.util.HashMap<>();
        jdbc.sql("select id, user_id, role, unit_id, partnership_id from role_assignment order by role, id")
                .query((row, n) -> {
                    byUser.computeIfAbsent(row.getLong("user_id"), user -> new java.util.ArrayList<>())
                            .add(new RoleAssignment(
                                    row.getLong("id"),
                                    Role.valueOf(row.getString("role")),
                                    row.getObject("unit_id", Long.class),
                                    row.getObject("partnership_id", Long.class)));
                    return null;
                })
                .list();
        return byUser;
    }

    /** How many assignments of the administrator role over everything, held by enabled users, there are besides this one. */
    int otherAdministratorsOverEverything(long assignmentId) {
        return jdbc.sql(
                        """
                        select count(*) from role_assignment a join app_user u on u.id = a.user_id
                        where a.role = 'ADMINISTRATOR' and a.unit_id is null and a.partnership_id is null
                          and u.enabled and a.id <> :assignment
                        """)
                .param("assignment", assignmentId)
                .query(Integer.class)
                .single();
    }

    void updatePassword(long id, String passwordHash, Instant at) {
        jdbc.sql(
                        """
                        update app_user set password_hash = :hash, password_changed_at = :at, version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("hash", passwordHash)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    void update(long id, int version, String displayName, boolean enabled) {
        int changed = jdbc.sql(
                        """
                        update app_user set display_name = :name, enabled = :enabled, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", version)
                .param("name", displayName.strip())
                .param("enabled", enabled)
                .update();
        if (changed == 0) {
            throw new StaleEdit("This user");
        }
    }

    List<RoleAssignment> assignmentsOf(long userId) {
        return jdbc.sql(
                        """
                        select id, role, unit_id, partnership_id from role_assignment
                        where user_id = :user order by role, id
                        """)
                .param("user", userId)
                .query((row, n) -> new RoleAssignment(
                        row.getLong("id"),
                        Role.valueOf(row.getString("role")),
                        row.getObject("unit_id", Long.class),
                        row.getObject("partnership_id", Long.class)))
                .list();
    }

    /** Gives the role, or finds it already given; either way the assignment. */
    RoleAssignment assign(long userId, Role role, Long unitId, Long partnershipId) {
        jdbc.sql(
                        """
                        insert into role_assignment (user_id, role, unit_id, partnership_id)
                        values (:user, :role, :unit, :partnership)
                        on conflict do nothing
                        """)
                .param("user", userId)
                .param("role", role.name())
                .param("unit", unitId)
                .param("partnership", partnershipId)
                .update();
        long id = jdbc.sql(
                        """
                        select id from role_assignment
                        where user_id = :user and role = :role
                          and coalesce(unit_id, 0) = coalesce(:unit, 0)
                          and coalesce(partnership_id, 0) = coalesce(:partnership, 0)
                        """)
                .param("user", userId)
                .param("role", role.name())
                .param("unit", unitId, java.sql.Types.BIGINT)
                .param("partnership", partnershipId, java.sql.Types.BIGINT)
                .query(Long.class)
                .single();
        return new RoleAssignment(id, role, unitId, partnershipId);
    }

    /** Takes the assignment away; whether the user held it. */
    boolean unassign(long userId, long assignmentId) {
        return jdbc.sql("delete from role_assignment where id = :id and user_id = :user")
                        .param("id", assignmentId)
                        .param("user", userId)
                        .update()
                > 0;
    }
}
