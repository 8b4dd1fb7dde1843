package org.beaconpm.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server in-process when {@code spring.datasource.url} is not set. Its data lives under
 * {@code beacon.data-dir} (default {@code ./data}) and survives restarts; the server is stopped when the application
 * context closes, after everything that uses it ({@link EmbeddedServer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String DATABASE = "beacon";
    /**
     * The application's own role: not a superuser, it owns the database and everything Flyway creates in it, and so
     * can give up privileges (the audit trail's UPDATE and DELETE), as a role on an external server does.
     */
    private static final String ROLE = "beacon";

    @Bean(destroyMethod = "stop")
    EmbeddedServer embeddedPostgres(@Value("${beacon.data-dir:./data}") Path dataDir) throws IOException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(pgData);
        log.info("Starting embedded PostgreSQL with data in {}", pgData);
        return new EmbeddedServer(EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(
                        dataDir.toAbsolutePath().resolve("binaries").toFile())
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start());
    }

    @Bean
    DataSource dataSource(EmbeddedServer server) {
        EmbeddedPostgres postgres = server.postgres();
        String owner = createDatabaseIfMissing(postgres);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(owner, DATABASE));
        dataSource.setUsername(owner);
        dataSource.setPoolName("beacon");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    /**
     * Creates the application's role and its database if they are missing, and answers the role that owns the
     * database, which the application connects as: {@code beacon}, or {@code postgres} for a data directory made before
     * the application had a role of its own.
     */
    private static String createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var role = statement.executeQuery("select 1 from pg_roles where rolname = '" + ROLE + "'");
            if (!role.next()) {
                statement.execute("create role " + ROLE + " login nosuperuser nocreatedb nocreaterole");
            }
            var owner = statement.executeQuery(
                    "select pg_get_userbyid(datdba) from pg_database where datname = '" + DATABASE + "'");
            if (owner.next()) {
                return owner.getString(1);
            }
            statement.execute("create database " + DATABASE + " owner " + ROLE);
            return ROLE;
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Could not create the beacon database", e));
        }
    }
}
