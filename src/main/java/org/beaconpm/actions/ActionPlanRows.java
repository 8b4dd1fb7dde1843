package org.beaconpm.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored action plans, their recommendations, actions, leads, progress updates and linked indicators. */
@Repository
class ActionPlanRows {

    /** An action with what the lists need of its plan and recommendation. */
    record ActionRow(
            PlanAction action,
            String planCode,
            String planTitle,
            long ownerUnitId,
            LocalDate planStartsOn,
            String recommendationNumber) {}

    /** What a list of actions asks for; null fields ask nothing. */
    record Query(
            Long planId,
            Long leadUserId,
            String leadWritten,
            LocalDate dueBefore,
            ActionStatus status,
            Long indicatorId,
            boolean openOnly) {}

    private static final String PLAN =
            """
            select id, organisation_id, owner_unit_id, code, title, source, starts_on, ends_on, created_at, version
            from action_plan
            """;

    private static final String ACTION =
            """
            select a.id, a.plan_id, a.recommendation_id, a.position, a.letter, a.description, a.timescale, a.due_date,
                   a.due_date_given, a.status, a.percent_complete, a.milestones, a.evidence, a.created_at, a.version,
                   p.code as plan_code, p.title as plan_title, p.owner_unit_id, p.starts_on as plan_starts_on,
                   r.number as recommendation_number
            from plan_action a
            join action_plan p on p.id = a.plan_id
            join recommendation r on r.id = a.recommendation_id
            """;

    private final JdbcClient jdbc;

    ActionPlanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPlan(
            long organisationId,
            long ownerUnitId,
            String code,
            String title,
            PlanSource source,
            LocalDate startsOn,
            LocalDate endsOn,
            Instant at) {
        return jdbc.sql(
                        """
                        insert into action_plan (organisation_id, owner_unit_id, code, title, source, starts_on,
                                                 ends_on, created_at)
                        values (:organisation, :owner, :code, :title, :source, :starts, :ends, :at)
                        returning id
                        """)
                .param("organisation", organisationId)
                .param("owner", ownerUnitId)
                .param("code", code)
                .param("title", title)
                .param("source", source.name())
                .param("starts", startsOn)
                .param("ends", endsOn)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    void replaceInitials(long planId, List<Initials> initials) {
        jdbc.sql("delete from action_plan_initials where plan_id = :plan")
                .param("plan", planId)
                .update();
        for (Initials entry : initials) {
            jdbc.sql(
                            """
                            insert into action_plan_initials (plan_id, initials, name, role)
                            values (:plan, :initials, :name, :role)
                            """)
                    .param("plan", planId)
                    .param("initials", entry.initials())
                    .param("name", entry.name())
                    .param("role", entry.role())
                    .update();
        }
    }

    Optional<ActionPlan> plan(String code) {
        return jdbc.sql(PLAN + " where lower(code) = lower(:code)")
                .param("code", code)
                .query(this::planRow)
                .optional();
    }

    Optional<ActionPlan> plan(long id) {
        return jdbc.sql(PLAN + " where id = :id")
                .param("id", id)
                .query(this::planRow)
                .optional();
    }

    /** Locks the plan until the transaction ends, so that one import or edit of it runs at a time. */
    void lock(long planId) {
        jdbc.sql("select id from action_plan where id = :id for update")
                .param("id", planId)
                .query(Long.class)
                .single();
    }

    List<ActionPlan> plans() {
        return jdbc.sql(PLAN + " order by code").query(this::planRow).list();
    }

    void touch(long planId) {
        jdbc.sql("update action_plan set version = version + 1 where id = :id")
                .param("id", planId)
                .update();
    }

    List<Recommendation> recommendations(long planId) {
        return jdbc.sql(
                        """
                        select id, plan_id, position, number, heading, text, response
                        from recommendation where plan_id = :plan order by position, id
                        """)
                .param("plan", planId)
                .query((rs, n) -> new Recommendation(
                        rs.getLong("id"),
                        rs.getLong("plan_id"),
                        rs.getInt("position"),
                        rs.getString("number"),
                        rs.getString("heading"),
                        rs.getString("text"),
                        rs.getString("response")))
                .list();
    }

    long insertRecommendation(
            long organisationId,
            long planId,
            int position,
            String number,
            String heading,
            String text,
            String response) {
        return jdbc.sql(
                        """
                        insert into recommendation (organisation_id, plan_id, position, number, heading, text, response)
                        values (:organisation, :plan, :position, :number, :heading, :text, :response)
                        returning id
                        """)
                .param("organisation", organisationId)
                .param("plan", planId)
                .param("position", position)
                .param("number", number)
                .param("heading", heading)
                .param("text", text)
                .param("response", response)
                .query(Long.class)
                .single();
    }

    void updateRecommendation(long id, int position, String heading, String text, String response) {
        jdbc.sql(
                        """
                        update recommendation set position = :position, heading = :heading, text = :text,
                                                  response = :response
                        where id = :id
                        """)
                .param("id", id)
                .param("position", position)
                .param("heading", heading)
                .param("text", text)
                .param("response", response)
                .update();
    }

    List<ActionRow> actionsOfPlan(long planId) {
        return actions(
                ACTION + " where a.plan_id = :plan order by r.position, r.id, a.position, a.id",
                Map.of("plan", planId));
    }

    Optional<ActionRow> action(long id) {
        return actions(ACTION + " where a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    List<ActionRow> find(Query query) {
        StringBuilder sql = new StringBuilder(ACTION + " where true");
        Map<String, Object> params = new HashMap<>();
        if (query.planId() != null) {
            sql.append(" and a.plan_id = :plan");
            params.put("plan", query.planId());
        }
        if (query.leadUserId() != null || query.leadWritten() != null) {
            sql.append(" and exists (select 1 from action_lead l where l.action_id = a.id and (false");
            if (query.leadUserId() != null) {
                sql.append(" or l.user_id = :leadUser");
                params.put("leadUser", query.leadUserId());
            }
            if (query.leadWritten() != null) {
                sql.append(" or lower(l.written) = lower(:leadWritten)");
                params.put("leadWritten", query.leadWritten());
            }
            sql.append("))");
        }
        if (query.dueBefore() != null) {
            sql.append(" and a.due_date < :dueBefore");
            params.put("dueBefore", query.dueBefore());
        }
        if (query.status() != null) {
            sql.append(" and a.status = :status");
            params.put("status", query.status().name());
        }
        if (query.openOnly()) {
            sql.append(" and a.status in ('NOT_STARTED', 'IN_PROGRESS', 'DELAYED')");
        }
        if (query.indicatorId() != null) {
            sql.append(
                    " and exists (select 1 from action_indicator i where i.action_id = a.id and i.indicator_id = :indicator)");
            params.put("indicator", query.indicatorId());
        }
        sql.append(" order by a.due_date nulls last, p.code, r.position, a.position, a.id");
        return actions(sql.toString(), params);
    }

    private List<ActionRow> actions(String sql, Map<String, ?> params) {
        List<ActionRow> rows =
                jdbc.sql(sql).params(params).query(ActionPlanRows::actionRow).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Lead>> leads =
                leads(rows.stream().map(r -> r.action().id()).toList());
        return rows.stream()
                .map(r -> new ActionRow(
                        withLeads(r.action(), leads.getOrDefault(r.action().id(), List.of())),
                        r.planCode(),
                        r.planTitle(),
                        r.ownerUnitId(),
                        r.planStartsOn(),
                        r.recommendationNumber()))
                .toList();
    }

    long insertAction(
            long organisationId, long planId, long recommendationId, int position, SheetValues values, Instant at) {
        return jdbc.sql(
                        """
                        insert into plan_action (organisation_id, plan_id, recommendation_id, position, letter,
                                                 description, timescale, due_date, due_date_given, status,
                                                 percent_complete, created_at)
                        values (:organisation, :plan, :recommendation, :position, :letter, :description, :timescale,
                                :due, :given, :status, :percent, :at)
                        returning id
                        """)
                .param("organisation", organisationId)
                .param("plan", planId)
                .param("recommendation", recommendationId)
                .param("position", position)
                .param("letter", values.letter())
                .param("description", values.description())
                .param("timescale", values.timescale())
                .param("due", values.dueDate())
                .param("given", values.dueDateGiven())
                .param("status", values.status().name())
                .param("percent", values.percentComplete())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** An action's fields as an import or a form sets them. */
    record SheetValues(
            String letter,
            String description,
            String timescale,
            LocalDate dueDate,
            boolean dueDateGiven,
            ActionStatus status,
            int percentComplete) {}

    void updateAction(long id, int version, int position, SheetValues values) {
        int updated = jdbc.sql(
                        """
                        update plan_action set position = :position, letter = :letter, description = :description,
                               timescale = :timescale, due_date = :due, due_date_given = :given, status = :status,
                               percent_complete = :percent, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", version)
                .param("position", position)
                .param("letter", values.letter())
                .param("description", values.description())
                .param("timescale", values.timescale())
                .param("due", values.dueDate())
                .param("given", values.dueDateGiven())
                .param("status", values.status().name())
                .param("percent", values.percentComplete())
                .update();
        if (updated == 0) {
            throw new StaleEdit("The action");
        }
    }

    void setProgress(long id, int version, ActionStatus status, int percent) {
        int updated = jdbc.sql(
                        """
                        update plan_action set status = :status, percent_complete = :percent, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", version)
                .param("status", status.name())
                .param("percent", percent)
                .update();
        if (updated == 0) {
            throw new StaleEdit("The action");
        }
    }

    void replaceLeads(long actionId, List<Lead> leads) {
        jdbc.sql("delete from action_lead where action_id = :action")
                .param("action", actionId)
                .update();
        int position = 0;
        for (Lead lead : leads) {
            jdbc.sql(
                            """
                            insert into action_lead (action_id, position, written, user_id)
                            values (:action, :position, :written, :user)
                            """)
                    .param("action", actionId)
                    .param("position", ++position)
                    .param("written", lead.written())
                    .param("user", lead.userId())
                    .update();
        }
    }

    void insertProgress(
            long organisationId,
            long actionId,
            LocalDate on,
            Instant at,
            Long by,
            String byName,
            String text,
            ActionStatus status,
            int percent) {
        jdbc.sql(
                        """
                        insert into action_progress (organisation_id, action_id, recorded_on, recorded_at, recorded_by,
                                                     recorded_by_name, text, status, percent_complete)
                        values (:organisation, :action, :on, :at, :by, :name, :text, :status, :percent)
                        """)
                .param("organisation", organisationId)
                .param("action", actionId)
                .param("on", on)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("name", byName)
                .param("text", text)
                .param("status", status.name())
                .param("percent", percent)
                .update();
    }

    /** Each action's progress updates, newest first. */
    Map<Long, List<ProgressUpdate>> progress(Collection<Long> actionIds) {
        Map<Long, List<ProgressUpdate>> byAction = new HashMap<>();
        if (actionIds.isEmpty()) {
            return byAction;
        }
        jdbc.sql(
                        """
                        select id, action_id, recorded_on, recorded_at, recorded_by, recorded_by_name, text, status,
                               percent_complete
                        from action_progress where action_id = any(:actions)
                        order by recorded_on desc, recorded_at desc, id desc
                        """)
                .param("actions", actionIds.toArray(Long[]::new))
                .query((rs, n) -> new ProgressUpdate(
                        rs.getLong("id"),
                        rs.getLong("action_id"),
                        rs.getObject("recorded_on", LocalDate.class),
                        rs.getTimestamp("recorded_at").toInstant(),
                        (Long) rs.getObject("recorded_by"),
                        rs.getString("recorded_by_name"),
                        rs.getString("text"),
                        ActionStatus.valueOf(rs.getString("status")),
                        rs.getInt("percent_complete")))
                .list()
                .forEach(update -> byAction.computeIfAbsent(update.actionId(), k -> new ArrayList<>())
                        .add(update));
        return byAction;
    }

    Map<Long, List<LinkedIndicator>> indicators(Collection<Long> actionIds) {
        Map<Long, List<LinkedIndicator>> byAction = new HashMap<>();
        if (actionIds.isEmpty()) {
            return byAction;
        }
        jdbc.sql(
                        """
                        select ai.action_id, i.id, i.code, i.title
                        from action_indicator ai join indicator i on i.id = ai.indicator_id
                        where ai.action_id = any(:actions) order by i.code
                        """)
                .param("actions", actionIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getLong("action_id"),
                        new LinkedIndicator(rs.getLong("id"), rs.getString("code"), rs.getString("title"))))
                .list()
                .forEach(e -> byAction.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return byAction;
    }

    void link(long actionId, long indicatorId) {
        jdbc.sql(
                        """
                        insert into action_indicator (action_id, indicator_id) values (:action, :indicator)
                        on conflict do nothing
                        """)
                .param("action", actionId)
                .param("indicator", indicatorId)
                .update();
    }

    void unlink(long actionId, long indicatorId) {
        jdbc.sql("delete from action_indicator where action_id = :action and indicator_id = :indicator")
                .param("action", actionId)
                .param("indicator", indicatorId)
                .update();
    }

    /** Of these indicators, those that an open action is remedial for. */
    Set<Long> withOpenAction(Collection<Long> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql(
                        """
                        select distinct ai.indicator_id
                        from action_indicator ai join plan_action a on a.id = ai.action_id
                        where ai.indicator_id = any(:indicators)
                          and a.status in ('NOT_STARTED', 'IN_PROGRESS', 'DELAYED')
                        """)
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    private Map<Long, List<Lead>> leads(List<Long> actionIds) {
        Map<Long, List<Lead>> byAction = new HashMap<>();
        jdbc.sql(
                        """
                        select l.action_id, l.written, l.user_id, u.display_name
                        from action_lead l left join app_user u on u.id = l.user_id
                        where l.action_id = any(:actions) order by l.action_id, l.position
                        """)
                .param("actions", actionIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getLong("action_id"),
                        new Lead(
                                rs.getString("written"),
                                (Long) rs.getObject("user_id"),
                                rs.getString("display_name"),
                                null)))
                .list()
                .forEach(e -> byAction.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return byAction;
    }

    private ActionPlan planRow(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new ActionPlan(
                id,
                rs.getLong("organisation_id"),
                rs.getLong("owner_unit_id"),
                rs.getString("code"),
                rs.getString("title"),
                PlanSource.valueOf(rs.getString("source")),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"),
                initials(id));
    }

    private List<Initials> initials(long planId) {
        return jdbc.sql("select initials, name, role from action_plan_initials where plan_id = :plan order by initials")
                .param("plan", planId)
                .query((rs, n) -> new Initials(rs.getString("initials"), rs.getString("name"), rs.getString("role")))
                .list();
    }

    private static ActionRow actionRow(ResultSet rs, int n) throws SQLException {
        PlanAction action = new PlanAction(
                rs.getLong("id"),
                rs.getLong("plan_id"),
                rs.getLong("recommendation_id"),
                rs.getInt("position"),
                rs.getString("letter"),
                rs.getString("description"),
                rs.getString("timescale"),
                rs.getObject("due_date", LocalDate.class),
                rs.getBoolean("due_date_given"),
                ActionStatus.valueOf(rs.getString("status")),
                rs.getInt("percent_complete"),
                rs.getString("milestones"),
                rs.getString("evidence"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"),
                List.of());
        return new ActionRow(
                action,
                rs.getString("plan_code"),
                rs.getString("plan_title"),
                rs.getLong("owner_unit_id"),
                rs.getObject("plan_starts_on", LocalDate.class),
                rs.getString("recommendation_number"));
    }

    private static PlanAction withLeads(PlanAction a, List<Lead> leads) {
        return new PlanAction(
                a.id(),
                a.planId(),
                a.recommendationId(),
                a.position(),
                a.letter(),
                a.description(),
                a.timescale(),
                a.dueDate(),
                a.dueDateGiven(),
                a.status(),
                a.percentComplete(),
                a.milestones(),
                a.evidence(),
                a.createdAt(),
                a.version(),
                leads);
    }
}
