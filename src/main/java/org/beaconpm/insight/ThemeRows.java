package org.beaconpm.insight;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cause and value_cause tables: the causes, and which values' narratives are tagged with which. */
@Repository
class ThemeRows {

    private final JdbcClient jdbc;

    ThemeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Cause> causes() {
        return jdbc.sql("select id, code, name, keywords, version from cause order by name")
                .query((row, n) -> new Cause(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        Arrays.stream(row.getString(4).split(","))
                                .map(String::strip)
                                .filter(word -> !word.isEmpty())
                                .toList(),
                        row.getInt(5)))
                .list();
    }

    long insertCause(String code, String name, String keywords) {
        return jdbc.sql("insert into cause (code, name, keywords) values (:code, :name, :keywords) returning id")
                .param("code", code)
                .param("name", name)
                .param("keywords", keywords)
                .query(Long.class)
                .single();
    }

    boolean updateCause(long id, int version, String name, String keywords) {
        return jdbc.sql(
                                """
                                update cause set name = :name, keywords = :keywords, version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("name", name)
                        .param("keywords", keywords)
                        .update()
                == 1;
    }

    /** The causes each of these values is tagged with, by value id. */
    Map<Long, Set<Long>> tags(Collection<Long> valueIds) {
        Map<Long, Set<Long>> tags = new HashMap<>();
        if (valueIds.isEmpty()) {
            return tags;
        }
        jdbc.sql("select value_id, cause_id from value_cause where value_id = any(:values)")
                .param("values", valueIds.toArray(Long[]::new))
                .query((row, n) -> {
                    tags.computeIfAbsent(row.getLong(1), id -> new HashSet<>()).add(row.getLong(2));
                    return null;
                })
                .list();
        return tags;
    }

    void replace(long organisationId, long valueId, Set<Long> causeIds, Long by, Instant at) {
        jdbc.sql("delete from value_cause where value_id = :value and not (cause_id = any(:causes))")
                .param("value", valueId)
                .param("causes", causeIds.toArray(Long[]::new))
                .update();
        for (Long causeId : causeIds) {
            jdbc.sql(
                            """
                            insert into value_cause (organisation_id, value_id, cause_id, tagged_by, tagged_at)
                            values (:organisation, :value, :cause, :by, :at)
                            on conflict (value_id, cause_id) do nothing
                            """)
                    .param("organisation", organisationId)
                    .param("value", valueId)
                    .param("cause", causeId)
                    .param("by", by, Types.BIGINT)
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }
}
