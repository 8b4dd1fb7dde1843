package org.beaconpm.risks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of risk registers, their appetite, risks, their links to indicators and their reviews. */
@Repository
class RiskRows {

    private static final String REGISTER =
            """
            select r.id, r.organisation_id, r.code, r.name, r.kind, r.owner_unit_id, r.matrix_size,
                   r.likelihood_labels, r.impact_labels, r.version
            from risk_register r
            """;

    private static final String RISK =
            """
            select k.id, k.organisation_id, k.register_id, k.code, k.title, k.owner_unit_id, k.owner_user_id,
                   k.owner_name, k.category, k.cause, k.event, k.effect, k.inherent_likelihood, k.inherent_impact,
                   k.residual_likelihood, k.residual_impact, k.target_likelihood, k.target_impact, k.controls,
                   k.mitigating_actions, k.mitigating_action_ids, k.review_date, k.version,
                   array(select ri.indicator_id from risk_indicator ri where ri.risk_id = k.id
                         order by ri.indicator_id) as indicator_ids
            from risk k
            """;

    private final JdbcClient jdbc;

    RiskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RiskRegister> registers() {
        Map<Long, Map<RiskCategory, Integer>> appetites = appetites();
        return jdbc.sql(REGISTER + " order by r.code")
                .query((row, n) -> register(row, appetites))
                .list();
    }

    Optional<RiskRegister> register(long id) {
        return registers().stream().filter(r -> r.id() == id).findFirst();
    }

    Optional<RiskRegister> registerByCode(String code) {
        return registers().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    long insertRegister(
            long organisationId, String code, String name, RegisterKind kind, long ownerUnitId, RiskMatrix matrix) {
        return jdbc.sql(
                        """
                        insert into risk_register (organisation_id, code, name, kind, owner_unit_id, matrix_size,
                            likelihood_labels, impact_labels)
                        values (:organisation, :code, :name, :kind, :owner, :size, cast(:likelihood as text[]),
                            cast(:impact as text[]))
                        returning id
                        """)
                .param("organisation", organisationId)
                .param("code", code)
                .param("name", name)
                .param("kind", kind.name())
                .param("owner", ownerUnitId)
                .param("size", matrix.size())
                .param("likelihood", textArray(matrix.likelihoodLabels()))
                .param("impact", textArray(matrix.impactLabels()))
                .query(Long.class)
                .single();
    }

    void replaceAppetite(long registerId, Appetite appetite) {
        jdbc.sql("delete from risk_appetite where register_id = :register")
                .param("register", registerId)
                .update();
        appetite.maxScores().forEach((category, max) -> jdbc.sql(
                        """
                        insert into risk_appetite (register_id, category, max_score)
                        values (:register, :category, :max)
                        """)
                .param("register", registerId)
                .param("category", category.name())
                .param("max", max)
                .update());
    }

    List<Risk> risks() {
        return jdbc.sql(RISK + " order by k.code").query(RiskRows::risk).list();
    }

    Optional<Risk> riskByCode(String code) {
        return jdbc.sql(RISK + " where k.code = :code")
                .param("code", code)
                .query(RiskRows::risk)
                .optional();
    }

    List<Risk> risksLinkedTo(long indicatorId) {
        return jdbc.sql(RISK
                        + " where exists (select 1 from risk_indicator ri where ri.risk_id = k.id"
                        + " and ri.indicator_id = :indicator) order by k.code")
                .param("indicator", indicatorId)
                .query(RiskRows::risk)
                .list();
    }

    long insertRisk(RiskFields f) {
        long id = jdbc.sql(
                        """
                        insert into risk (organisation_id, register_id, code, title, owner_unit_id, owner_user_id,
                            owner_name, category, cause, event, effect, inherent_likelihood, inherent_impact,
                            residual_likelihood, residual_impact, target_likelihood, target_impact, controls,
                            mitigating_actions, review_date)
                        values (:organisation, :register, :code, :title, :ownerUnit, :ownerUser, :ownerName,
                            :category, :cause, :event, :effect, :inherentLikelihood, :inherentImpact,
                            :residualLikelihood, :residualImpact, :targetLikelihood, :targetImpact, :controls,
                            :mitigating, :reviewDate)
                        returning id
                        """)
                .params(parameters(f))
                .query(Long.class)
                .single();
        replaceIndicators(id, f.indicatorIds());
        return id;
    }

    /** Saves the fields; with a version, refuses them if someone saved the risk meanwhile. */
    void updateRisk(long id, Integer version, RiskFields f) {
        Map<String, Object> parameters = parameters(f);
        parameters.put("id", id);
        parameters.put("version", version);
        int changed = jdbc.sql(
                        """
                        update risk set organisation_id = :organisation, register_id = :register, code = :code,
                            title = :title, owner_unit_id = :ownerUnit, owner_user_id = :ownerUser,
                            owner_name = :ownerName, category = :category, cause = :cause, event = :event,
                            effect = :effect, inherent_likelihood = :inherentLikelihood,
                            inherent_impact = :inherentImpact, residual_likelihood = :residualLikelihood,
                            residual_impact = :residualImpact, target_likelihood = :targetLikelihood,
                            target_impact = :targetImpact, controls = :controls, mitigating_actions = :mitigating,
                            review_date = :reviewDate, version = version + 1
                        where id = :id and (cast(:version as integer) is null or version = :version)
                        """)
                .params(parameters)
                .update();
        if (changed == 0) {
            throw new StaleEdit("Risk " + f.code());
        }
        replaceIndicators(id, f.indicatorIds());
    }

    private void replaceIndicators(long riskId, Collection<Long> indicatorIds) {
        jdbc.sql("delete from risk_indicator where risk_id = :risk")
                .param("risk", riskId)
                .update();
        for (Long indicatorId : indicatorIds) {
            jdbc.sql("insert into risk_indicator (risk_id, indicator_id) values (:risk, :indicator)")
                    .param("risk", riskId)
                    .param("indicator", indicatorId)
                    .update();
        }
    }

    /** The risk's reviews, newest first. */
    List<RiskReview> reviews(long riskId) {
        return jdbc.sql(
                        """
                        select id, risk_id, reviewed_on, reviewed_by, reviewed_by_name, inherent_likelihood,
                               inherent_impact, residual_likelihood, residual_impact, note, next_review_date,
                               recorded_at
                        from risk_review where risk_id = :risk
                        order by reviewed_on desc, id desc
                        """)
                .param("risk", riskId)
                .query(RiskRows::review)
                .list();
    }

    /** Records a review and moves the risk to its scores and next review date, if the risk is still at version. */
    void insertReview(
            Risk risk,
            Integer version,
            LocalDate reviewedOn,
            Long reviewedBy,
            String reviewedByName,
            Score inherent,
            Score residual,
            String note,
            LocalDate nextReview) {
        int changed = jdbc.sql(
                        """
                        update risk set inherent_likelihood = :il, inherent_impact = :ii, residual_likelihood = :rl,
                            residual_impact = :ri, review_date = :next, version = version + 1
                        where id = :id and (cast(:version as integer) is null or version = :version)
                        """)
                .param("il", inherent.likelihood())
                .param("ii", inherent.impact())
                .param("rl", residual.likelihood())
                .param("ri", residual.impact())
                .param("next", nextReview)
                .param("id", risk.id())
                .param("version", version)
                .update();
        if (changed == 0) {
            throw new StaleEdit("Risk " + risk.code());
        }
        jdbc.sql(
                        """
                        insert into risk_review (risk_id, reviewed_on, reviewed_by, reviewed_by_name,
                            inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, note,
                            next_review_date)
                        values (:risk, :on, :by, :byName, :il, :ii, :rl, :ri, :note, :next)
                        """)
                .param("risk", risk.id())
                .param("on", reviewedOn)
                .param("by", reviewedBy)
                .param("byName", reviewedByName)
                .param("il", inherent.likelihood())
                .param("ii", inherent.impact())
                .param("rl", residual.likelihood())
                .param("ri", residual.impact())
                .param("note", note)
                .param("next", nextReview)
                .update();
    }

    private Map<Long, Map<RiskCategory, Integer>> appetites() {
        Map<Long, Map<RiskCategory, Integer>> appetites = new HashMap<>();
        jdbc.sql("select register_id, category, max_score from risk_appetite").query(row -> {
            appetites
                    .computeIfAbsent(row.getLong("register_id"), id -> new EnumMap<>(RiskCategory.class))
                    .put(RiskCategory.valueOf(row.getString("category")), row.getInt("max_score"));
        });
        return appetites;
    }

    private static Map<String, Object> parameters(RiskFields f) {
        Map<String, Object> p = new HashMap<>();
        p.put("organisation", f.organisationId());
        p.put("register", f.registerId());
        p.put("code", f.code());
        p.put("title", f.title());
        p.put("ownerUnit", f.ownerUnitId());
        p.put("ownerUser", f.ownerUserId());
        p.put("ownerName", f.ownerName());
        p.put("category", f.category().name());
        p.put("cause", f.cause());
        p.put("event", f.event());
        p.put("effect", f.effect());
        p.put("inherentLikelihood", f.inherent().likelihood());
        p.put("inherentImpact", f.inherent().impact());
        p.put("residualLikelihood", f.residual().likelihood());
        p.put("residualImpact", f.residual().impact());
        p.put("targetLikelihood", f.target() == null ? null : f.target().likelihood());
        p.put("targetImpact", f.target() == null ? null : f.target().impact());
        p.put("controls", f.controls());
        p.put("mitigating", f.mitigatingActions());
        p.put("reviewDate", f.reviewDate());
        return p;
    }

    private static RiskRegister register(ResultSet row, Map<Long, Map<RiskCategory, Integer>> appetites)
            throws SQLException {
        long id = row.getLong("id");
        return new RiskRegister(
                id,
                row.getLong("organisation_id"),
                row.getString("code"),
                row.getString("name"),
                RegisterKind.valueOf(row.getString("kind")),
                row.getLong("owner_unit_id"),
                new RiskMatrix(
                        row.getInt("matrix_size"),
                        texts(row.getArray("likelihood_labels")),
                        texts(row.getArray("impact_labels"))),
                new Appetite(appetites.getOrDefault(id, Map.of())),
                row.getInt("version"));
    }

    private static Risk risk(ResultSet row, int number) throws SQLException {
        Integer targetLikelihood = row.getObject("target_likelihood", Integer.class);
        Integer targetImpact = row.getObject("target_impact", Integer.class);
        return new Risk(
                row.getLong("id"),
                row.getLong("organisation_id"),
                row.getLong("register_id"),
                row.getString("code"),
                row.getString("title"),
                row.getLong("owner_unit_id"),
                row.getObject("owner_user_id", Long.class),
                row.getString("owner_name"),
                RiskCategory.valueOf(row.getString("category")),
                row.getString("cause"),
                row.getString("event"),
                row.getString("effect"),
                new Score(row.getInt("inherent_likelihood"), row.getInt("inherent_impact")),
                new Score(row.getInt("residual_likelihood"), row.getInt("residual_impact")),
                targetLikelihood == null ? null : new Score(targetLikelihood, targetImpact),
                row.getString("controls"),
                row.getString("mitigating_actions"),
                longs(row.getArray("mitigating_action_ids")),
                row.getObject("review_date", LocalDate.class),
                longs(row.getArray("indicator_ids")),
                row.getInt("version"));
    }

    private static RiskReview review(ResultSet row, int number) throws SQLException {
        Timestamp recorded = row.getTimestamp("recorded_at");
        return new RiskReview(
                row.getLong("id"),
                row.getLong("risk_id"),
                row.getObject("reviewed_on", LocalDate.class),
                row.getObject("reviewed_by", Long.class),
                row.getString("reviewed_by_name"),
                new Score(row.getInt("inherent_likelihood"), row.getInt("inherent_impact")),
                new Score(row.getInt("residual_likelihood"), row.getInt("residual_impact")),
                row.getString("note"),
                row.getObject("next_review_date", LocalDate.class),
                recorded.toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).longValue()).toList();
    }

    private static String textArray(List<String> values) {
        return "{"
                + String.join(
                        ",",
                        values.stream()
                                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                                .toList())
                + "}";
    }
}
