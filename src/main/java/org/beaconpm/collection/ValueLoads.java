package org.beaconpm.collection;

import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opens the loads that write an import's values into PostgreSQL through COPY. */
@Repository
class ValueLoads {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ValueLoads(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    ValueLoad open(boolean dryRun, long userId, Instant now) {
        return new ValueLoad(jdbc, dataSource, dryRun, userId, now);
    }
}
