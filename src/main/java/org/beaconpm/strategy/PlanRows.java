package org.beaconpm.strategy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.beaconpm.assessment.ScoringScheme;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan tables: plans, their approvals, nodes, serves links and baskets. */
@Repository
class PlanRows {

    private static final String PLAN =
            """
            select id, organisation_id, code, title, type, owner_unit_id, partnership_id, lead_organisation_id,
                   from_year, to_year, state, green_points, amber_points, red_points, green_from, amber_from, version
            from plan
            """;

    private static final String NODE =
            """
            select id, plan_id, code, type, title, description, parent_id, owner_unit_id, owner, weight, position
            from plan_node
            """;

    /** A link from a node to a node it serves. */
    record Link(long nodeId, long servesId) {}

    private final JdbcClient jdbc;

    PlanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Plan> plans() {
        return jdbc.sql(PLAN + " order by code").query(PlanRows::plan).list();
    }

    Optional<Plan> plan(String code) {
        return jdbc.sql(PLAN + " where code = :code")
                .param("code", code)
                .query(PlanRows::plan)
                .optional();
    }

    long insertPlan(
            long organisationId,
            String code,
            String title,
            PlanType type,
            Long ownerUnitId,
            Long partnershipId,
            Long leadOrganisationId,
            int fromYear,
            int toYear) {
        return jdbc.sql(
                        """
                        insert into plan (organisation_id, code, title, type, owner_unit_id, partnership_id,
                                          lead_organisation_id, from_year, to_year)
                        values (:organisation, :code, :title, :type, :ownerUnit, :partnership, :lead, :fromYear, :toYear)
                        returning id
                        """)
                .param("organisation", organisationId)
                .param("code", code)
                .param("title", title)
                .param("type", type.name())
                .param("ownerUnit", ownerUnitId)
                .param("partnership", partnershipId)
                .param("lead", leadOrganisationId)
                .param("fromYear", fromYear)
                .param("toYear", toYear)
                .query(Long.class)
                .single();
    }

    /** Records a change of the plan: a new version, and a draft again if it was approved. */
    void changed(long planId) {
        jdbc.sql("update plan set state = 'DRAFT', version = version + 1 where id = :id")
                .param("id", planId)
                .update();
    }

    void approved(long planId, int version) {
        int updated = jdbc.sql(
                        "update plan set state = 'APPROVED', version = version + 1 where id = :id and version = :version")
                .param("id", planId)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new StaleEdit("The plan");
        }
    }

    void scheme(long planId, int version, ScoringScheme scheme) {
        int updated = jdbc.sql(
                        """
                        update plan set green_points = :greenPoints, amber_points = :amberPoints,
                                        red_points = :redPoints, green_from = :greenFrom, amber_from = :amberFrom,
                                        state = 'DRAFT', version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", planId)
                .param("version", version)
                .param("greenPoints", scheme.greenPoints())
                .param("amberPoints", scheme.amberPoints())
                .param("redPoints", scheme.redPoints())
                .param("greenFrom", scheme.greenFrom())
                .param("amberFrom", scheme.amberFrom())
                .update();
        if (updated == 0) {
            throw new StaleEdit("The plan");
        }
    }

    List<Approval> approvals(long planId) {
        return jdbc.sql(
                        """
                        select number, approved_by, approved_by_name, approved_at from plan_approval
                        where plan_id = :plan order by number
                        """)
                .param("plan", planId)
                .query((rs, n) -> new Approval(
                        rs.getInt("number"),
                        (Long) rs.getObject("approved_by"),
                        rs.getString("approved_by_name"),
                        rs.getTimestamp("approved_at").toInstant()))
                .list();
    }

    void insertApproval(long planId, int number, Long by, String byName, Instant at, String snapshot) {
        jdbc.sql(
                        """
                        insert into plan_approval (plan_id, number, approved_by, approved_by_name, approved_at, snapshot)
                        values (:plan, :number, :by, :byName, :at, cast(:snapshot as jsonb))
                        """)
                .param("plan", planId)
                .param("number", number)
                .param("by", by)
                .param("byName", byName)
                .param("at", Timestamp.from(at))
                .param("snapshot", snapshot)
                .update();
    }

    Optional<String> snapshot(long planId, int number) {
        return jdbc.sql("select snapshot::text from plan_approval where plan_id = :plan and number = :number")
                .param("plan", planId)
                .param("number", number)
                .query(String.class)
                .optional();
    }

    List<PlanNode> nodes() {
        return jdbc.sql(NODE + " order by plan_id, position, id")
                .query(PlanRows::node)
                .list();
    }

    long insertNode(long organisationId, long planId, NodeFields fields, Long parentId, int position) {
        return jdbc.sql(
                        """
                        insert into plan_node (organisation_id, plan_id, parent_id, code, type, title, description,
                                               owner_unit_id, owner, weight, position)
                        values (:organisation, :plan, :parent, :code, :type, :title, :description, :ownerUnit, :owner,
                                :weight, :position)
                        returning id
                        """)
                .param("organisation", organisationId)
                .param("plan", planId)
                .param("parent", parentId)
                .param("code", fields.code())
                .param("type", fields.type().name())
                .param("title", fields.title())
                .param("description", fields.description())
                .param("ownerUnit", fields.ownerUnitId())
                .param("owner", fields.owner())
                .param("weight", fields.weight())
                .param("position", position)
                .query(Long.class)
                .single();
    }

    void updateNode(long id, NodeFields fields, Long parentId) {
        jdbc.sql(
                        """
                        update plan_node set parent_id = :parent, type = :type, title = :title,
                                             description = :description, owner_unit_id = :ownerUnit, owner = :owner,
                                             weight = :weight, version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("parent", parentId)
                .param("type", fields.type().name())
                .param("title", fields.title())
                .param("description", fields.description())
                .param("ownerUnit", fields.ownerUnitId())
                .param("owner", fields.owner())
                .param("weight", fields.weight())
                .update();
    }

    /** The parent is set after every node of an import exists, as a row may name a parent on a later row. */
    void parent(long id, Long parentId) {
        jdbc.sql("update plan_node set parent_id = :parent where id = :id")
                .param("id", id)
                .param("parent", parentId)
                .update();
    }

    List<Link> links() {
        return jdbc.sql("select node_id, serves_id from plan_node_serves order by node_id, serves_id")
                .query((rs, n) -> new Link(rs.getLong("node_id"), rs.getLong("serves_id")))
                .list();
    }

    void replaceServes(long nodeId, Collection<Long> serves) {
        jdbc.sql("delete from plan_node_serves where node_id = :node")
                .param("node", nodeId)
                .update();
        for (long served : serves) {
            jdbc.sql("insert into plan_node_serves (node_id, serves_id) values (:node, :served)")
                    .param("node", nodeId)
                    .param("served", served)
                    .update();
        }
    }

    List<BasketLine> baskets() {
        return jdbc.sql("select node_id, indicator_id, weight from basket_member order by node_id, indicator_id")
                .query((rs, n) ->
                        new BasketLine(rs.getLong("node_id"), rs.getLong("indicator_id"), rs.getBigDecimal("weight")))
                .list();
    }

    void putMember(long organisationId, long nodeId, long indicatorId, BigDecimal weight) {
        jdbc.sql(
                        """
                        insert into basket_member (node_id, indicator_id, organisation_id, weight)
                        values (:node, :indicator, :organisation, :weight)
                        on conflict (node_id, indicator_id) do update set weight = excluded.weight
                        """)
                .param("node", nodeId)
                .param("indicator", indicatorId)
                .param("organisation", organisationId)
                .param("weight", weight)
                .update();
    }

    private static Plan plan(ResultSet rs, int n) throws SQLException {
        return new Plan(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("code"),
                rs.getString("title"),
                PlanType.valueOf(rs.getString("type")),
                (Long) rs.getObject("owner_unit_id"),
                (Long) rs.getObject("partnership_id"),
                (Long) rs.getObject("lead_organisation_id"),
                rs.getInt("from_year"),
                rs.getInt("to_year"),
                PlanState.valueOf(rs.getString("state")),
                new ScoringScheme(
                        rs.getBigDecimal("green_points"),
                        rs.getBigDecimal("amber_points"),
                        rs.getBigDecimal("red_points"),
                        rs.getBigDecimal("green_from"),
                        rs.getBigDecimal("amber_from")),
                rs.getInt("version"));
    }

    private static PlanNode node(ResultSet rs, int n) throws SQLException {
        return new PlanNode(
                rs.getLong("id"),
                rs.getLong("plan_id"),
                rs.getString("code"),
                NodeType.valueOf(rs.getString("type")),
                rs.getString("title"),
                rs.getString("description"),
                (Long) rs.getObject("parent_id"),
                (Long) rs.getObject("owner_unit_id"),
                rs.getString("owner"),
                rs.getBigDecimal("weight"),
                rs.getInt("position"));
    }
}
