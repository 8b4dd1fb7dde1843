package org.beaconpm.strategy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The individual objectives and the nodes they serve. */
@Repository
class ObjectiveRows {

    private final JdbcClient jdbc;

    ObjectiveRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IndividualObjective> all() {
        Map<Long, List<Long>> serves = new HashMap<>();
        jdbc.sql("select objective_id, node_id from individual_objective_serves order by objective_id, node_id")
                .query(rs -> {
                    serves.computeIfAbsent(rs.getLong("objective_id"), id -> new ArrayList<>())
                            .add(rs.getLong("node_id"));
                });
        return jdbc.sql(
                        """
                        select id, person, unit_id, objective, measure, indicator_id, review_date, progress
                        from individual_objective order by person, id
                        """)
                .query((rs, n) -> {
                    Date review = rs.getDate("review_date");
                    long id = rs.getLong("id");
                    return new IndividualObjective(
                            id,
                            rs.getString("person"),
                            rs.getLong("unit_id"),
                            rs.getString("objective"),
                            rs.getString("measure"),
                            (Long) rs.getObject("indicator_id"),
                            review == null ? null : review.toLocalDate(),
                            rs.getString("progress"),
                            List.copyOf(serves.getOrDefault(id, List.of())));
                })
                .list();
    }

    long insert(
            long organisationId,
            String person,
            long unitId,
            String objective,
            String measure,
            Long indicatorId,
            LocalDate reviewDate) {
        return jdbc.sql(
                        """
                        insert into individual_objective (organisation_id, person, unit_id, objective, measure,
                                                          indicator_id, review_date)
                        values (:organisation, :person, :unit, :objective, :measure, :indicator, :review)
                        returning id
                        """)
                .param("organisation", organisationId)
                .param("person", person)
                .param("unit", unitId)
                .param("objective", objective)
                .param("measure", measure)
                .param("indicator", indicatorId)
                .param("review", reviewDate == null ? null : Date.valueOf(reviewDate))
                .query(Long.class)
                .single();
    }

    void update(long id, String measure, Long indicatorId, LocalDate reviewDate) {
        jdbc.sql(
                        """
                        update individual_objective set measure = :measure, indicator_id = :indicator,
                                                        review_date = :review, version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("measure", measure)
                .param("indicator", indicatorId)
                .param("review", reviewDate == null ? null : Date.valueOf(reviewDate))
                .update();
    }

    void progress(long id, String progress) {
        jdbc.sql("update individual_objective set progress = :progress, version = version + 1 where id = :id")
                .param("id", id)
                .param("progress", progress)
                .update();
    }

    void replaceServes(long objectiveId, Collection<Long> nodeIds) {
        jdbc.sql("delete from individual_objective_serves where objective_id = :id")
                .param("id", objectiveId)
                .update();
        for (long node : nodeIds) {
            jdbc.sql("insert into individual_objective_serves (objective_id, node_id) values (:id, :node)")
                    .param("id", objectiveId)
                    .param("node", node)
                    .update();
        }
    }
}
