package dev.authservice.auth.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;

/**
 * Brings the database schema up to date at deployment, before the first request: each script in
 * {@link #MIGRATIONS} runs once, in its own transaction, and its number is recorded. An existing
 * database is never recreated or wiped, and a restart logs no "already exists" errors.
 */
@Singleton
@Startup
// Bean-managed: each migration commits on its own connection, outside any JTA transaction.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaInstaller {

    /** In order; append, never edit one that has shipped. */
    static final List<String> MIGRATIONS = List.of(
            "V1__users_and_sessions.sql",
            "V2__idle_timeout.sql",
            "V3__second_factor_and_session_list.sql");

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
    private static final String VERSION_TABLE = "AUTH_SCHEMA_VERSION";

    @Resource(lookup = "java:app/jdbc/auth")
    DataSource dataSource;

    @PostConstruct
    void install() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int installed = installedVersion(connection);
            for (int version = installed + 1; version <= MIGRATIONS.size(); version++) {
                apply(connection, version, MIGRATIONS.get(version - 1));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The database schema could not be installed", e);
        }
    }

    private static int installedVersion(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet tables = meta.getTables(null, null, VERSION_TABLE, new String[] {"TABLE"})) {
            if (!tables.next()) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.executeUpdate("CREATE TABLE " + VERSION_TABLE + " (VERSION INT NOT NULL PRIMARY KEY)");
                }
                connection.commit();
                return 0;
            }
        }
        try (Statement query = connection.createStatement();
             ResultSet max = query.executeQuery("SELECT MAX(VERSION) FROM " + VERSION_TABLE)) {
            max.next();
            return max.getInt(1);
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.executeUpdate(sql);
            }
            statement.executeUpdate("INSERT INTO " + VERSION_TABLE + " (VERSION) VALUES (" + version + ")");
            connection.commit();
            LOG.info(() -> "Database schema migrated to version " + version + " (" + script + ")");
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The script's statements: comment lines dropped, split at semicolons (the scripts hold no literals with one). */
    static List<String> statements(String script) throws IOException {
        try (InputStream in = SchemaInstaller.class.getResourceAsStream("/META-INF/sql/" + script)) {
            if (in == null) {
                throw new IOException("Missing migration script " + script);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder withoutComments = new StringBuilder();
            text.lines().filter(line -> !line.strip().startsWith("--")).forEach(line -> withoutComments.append(line).append('\n'));
            return List.of(withoutComments.toString().split(";")).stream()
                    .map(String::strip)
                    .filter(sql -> !sql.isEmpty())
                    .toList();
        }
    }
}
