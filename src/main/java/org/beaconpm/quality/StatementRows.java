package org.beaconpm.quality;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Data-quality statements in their table. */
@Repository
class StatementRows {

    private final JdbcClient jdbc;

    StatementRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DataQualityStatement> find(long indicatorId) {
        return jdbc.sql("select * from data_quality_statement where indicator_id = :id")
                .param("id", indicatorId)
                .query(StatementRows::statement)
                .optional();
    }

    List<DataQualityStatement> all() {
        return jdbc.sql("select * from data_quality_statement order by next_review nulls last, indicator_id")
                .query(StatementRows::statement)
                .list();
    }

    void put(long organisationId, DataQualityStatement statement) {
        var sql = jdbc.sql(
                        """
                        insert into data_quality_statement (indicator_id, organisation_id,
                            accuracy, accuracy_note, validity, validity_note, reliability, reliability_note,
                            timeliness, timeliness_note, relevance, relevance_note, completeness, completeness_note,
                            data_source, collection_method, reviewed_by, reviewed_on, next_review)
                        values (:indicator, :organisation,
                            :accuracy, :accuracy_note, :validity, :validity_note, :reliability, :reliability_note,
                            :timeliness, :timeliness_note, :relevance, :relevance_note, :completeness,
                            :completeness_note, :source, :method, :reviewedBy, :reviewedOn, :nextReview)
                        on conflict (indicator_id) do update set
                            accuracy = excluded.accuracy, accuracy_note = excluded.accuracy_note,
                            validity = excluded.validity, validity_note = excluded.validity_note,
                            reliability = excluded.reliability, reliability_note = excluded.reliability_note,
                            timeliness = excluded.timeliness, timeliness_note = excluded.timeliness_note,
                            relevance = excluded.relevance, relevance_note = excluded.relevance_note,
                            completeness = excluded.completeness, completeness_note = excluded.completeness_note,
                            data_source = excluded.data_source, collection_method = excluded.collection_method,
                            reviewed_by = excluded.reviewed_by, reviewed_on = excluded.reviewed_on,
                            next_review = excluded.next_review, version = data_quality_statement.version + 1
                        """)
                .param("indicator", statement.indicatorId())
                .param("organisation", organisationId)
                .param("source", statement.dataSource())
                .param("method", statement.collectionMethod())
                .param("reviewedBy", statement.reviewedBy())
                .param("reviewedOn", statement.reviewedOn())
                .param("nextReview", statement.nextReview());
        for (DataQualityStatement.Assessed assessed : statement.dimensions()) {
            String column = assessed.dimension().column();
            sql = sql.param(column, assessed.rating().name()).param(column + "_note", assessed.note());
        }
        sql.update();
    }

    private static DataQualityStatement statement(ResultSet row, int n) throws SQLException {
        List<DataQualityStatement.Assessed> dimensions = new ArrayList<>();
        for (DataQualityStatement.Dimension dimension : DataQualityStatement.Dimension.values()) {
            dimensions.add(new DataQualityStatement.Assessed(
                    dimension,
                    QualityRating.valueOf(row.getString(dimension.column())),
                    row.getString(dimension.column() + "_note")));
        }
        Date reviewedOn = row.getDate("reviewed_on");
        Date nextReview = row.getDate("next_review");
        return new DataQualityStatement(
                row.getLong("indicator_id"),
                List.copyOf(dimensions),
                row.getString("data_source"),
                row.getString("collection_method"),
                row.getString("reviewed_by"),
                reviewedOn == null ? null : reviewedOn.toLocalDate(),
                nextReview == null ? null : nextReview.toLocalDate());
    }
}
