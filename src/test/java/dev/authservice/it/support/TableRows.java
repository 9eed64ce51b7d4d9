package dev.authservice.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Counts rows straight from the database, bypassing the service: what a test checks the service did. */
public final class TableRows {

    private TableRows() {}

    /** Inside the server (an in-container test): through the application's own datasource. */
    public static int count(String sql, String parameter) {
        try {
            DataSource dataSource = InitialContext.doLookup("java:app/jdbc/auth");
            try (Connection connection = dataSource.getConnection()) {
                return count(connection, sql, parameter);
            }
        } catch (NamingException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From the test's own JVM: through a JDBC URL and login. */
    public static int count(String url, String user, String password, String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return count(connection, sql, parameter);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On a connection the caller holds, inside its transaction if it has one. */
    public static int count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
