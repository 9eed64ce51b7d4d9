package dev.authservice.persistence.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database, Derby or PostgreSQL, to the current schema at deployment, before the first
 * request, with Flyway: the versioned scripts in META-INF/sql (V1__…, V2__…: append, never
 * edit one that has shipped) and the Java migrations listed below. An existing database is upgraded in place, never recreated.
 * Instances starting at once against one PostgreSQL database are safe: Flyway holds a database
 * lock while it migrates, so one migrates and the others wait, then find nothing left to do.
 */
@Singleton
@Startup
// A bad configuration key stops the deployment before the database is touched.
@DependsOn("SettingsAtStart")
// Bean-managed: Flyway commits each migration on its own, outside any JTA transaction.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

    /** Flyway's record of applied migrations. */
    static final String HISTORY_TABLE = "auth_schema_history";

    /**
     * Flyway warns on every start that it was verified with Derby 10.15 only (this Derby is 10.16,
     * and the suite runs on it), and relays Derby's "no row found" for an UPDATE of an empty table
     * as a warning. Neither is news to an operator. Held here, as java.util.logging keeps loggers
     * only weakly.
     */
    private static final List<Logger> QUIETED = quieted(
            "org.flywaydb.core.internal.database.base.Database",
            "org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor");

    /** Where releases before Flyway recorded their schema version (Derby only). */
    private static final String LEGACY_VERSION_TABLE = "AUTH_SCHEMA_VERSION";

    @Resource(lookup = "java:app/jdbc/auth")
    DataSource dataSource;

    // Not named like the static method: Payara finds a lifecycle callback by its name alone.
    @PostConstruct
    void atDeployment() {
        migrate(dataSource);
    }

    /** Returns how many scripts it applied. */
    static int migrate(DataSource database) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(database)
                .locations("classpath:META-INF/sql")
                // Listed rather than found by a class-path scan, which each server's class loader
                // would answer differently.
                .javaMigrations(new SessionIdsMigration(), new SubjectsMigration())
                .table(HISTORY_TABLE)
                // A database from a release before Flyway: its recorded version is the baseline,
                // and only the later scripts run.
                .baselineOnMigrate(true)
                .baselineVersion(Integer.toString(legacyVersion(database)))
                .baselineDescription("schema installed before Flyway")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    private static List<Logger> quieted(String... names) {
        List<Logger> loggers = Stream.of(names).map(Logger::getLogger).toList();
        loggers.forEach(logger -> logger.setLevel(Level.SEVERE));
        return loggers;
    }

    /** The version the pre-Flyway installer recorded, or 0 for a database it never touched. */
    static int legacyVersion(DataSource database) {
        try (Connection connection = database.getConnection()) {
            try (ResultSet tables =
                    connection.getMetaData().getTables(null, null, LEGACY_VERSION_TABLE, new String[] {"TABLE"})) {
                if (!tables.next()) {
                    return 0;
                }
            }
            try (Statement query = connection.createStatement();
                    ResultSet max = query.executeQuery("SELECT MAX(VERSION) FROM " + LEGACY_VERSION_TABLE)) {
                return max.next() ? max.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The database could not be read to migrate its schema: " + e.getSQLState(), e);
        }
    }
}
