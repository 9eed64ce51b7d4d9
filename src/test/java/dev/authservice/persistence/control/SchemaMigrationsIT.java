package dev.authservice.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** The migrations, on a real embedded Derby database on disk (PostgreSQL: the postgres profile's suite). */
class SchemaMigrationsIT {

    @Test
    void anEmptyDatabaseGetsEveryScriptOnceAndOnlyOnce() throws Exception {
        EmbeddedDataSource db = database("empty");
        assertEquals(15, SchemaMigrations.migrate(db), "V1 to V15");
        assertEquals(0, SchemaMigrations.migrate(db), "a restart finds nothing to do");
        try (Connection c = db.getConnection();
                Statement sql = c.createStatement()) {
            sql.executeUpdate("INSERT INTO AUTH_USER (USERNAME, PASSWORD_HASH, CREATED_AT) VALUES ('u', 'h', 1)");
            sql.executeUpdate(
                    "INSERT INTO AUTH_SESSION (TOKEN_HASH, USERNAME, CREATED_AT, EXPIRES_AT, IDLE_EXPIRES_AT, SESSION_ID)"
                            + " VALUES ('t', 'u', 1, 2, 2, 'id')");
            sql.executeUpdate("INSERT INTO AUTH_RECOVERY_CODE (CODE_HASH, USERNAME) VALUES ('c', 'u')");
            sql.executeUpdate("INSERT INTO AUTH_THROTTLE VALUES ('u', 1, 0, 0, 1, 0, 0)");
        }
    }

    @Test
    void aDatabaseOfTheReleaseBeforeFlywayKeepsItsDataAndGetsOnlyTheLaterScripts() throws Exception {
        EmbeddedDataSource db = database("legacy");
        try (Connection c = db.getConnection();
                Statement sql = c.createStatement()) {
            // What the hand-written installer left at schema version 2.
            sql.executeUpdate("CREATE TABLE AUTH_SCHEMA_VERSION (VERSION INT NOT NULL PRIMARY KEY)");
            sql.executeUpdate("INSERT INTO AUTH_SCHEMA_VERSION VALUES (1), (2)");
            sql.executeUpdate("CREATE TABLE AUTH_USER (USERNAME VARCHAR(256) NOT NULL PRIMARY KEY,"
                    + " PASSWORD_HASH VARCHAR(512) NOT NULL, CREATED_AT BIGINT NOT NULL)");
            sql.executeUpdate("CREATE TABLE AUTH_SESSION (TOKEN_HASH CHAR(64) NOT NULL PRIMARY KEY,"
                    + " USERNAME VARCHAR(256) NOT NULL REFERENCES AUTH_USER (USERNAME), CREATED_AT BIGINT NOT NULL,"
                    + " EXPIRES_AT BIGINT NOT NULL, IDLE_EXPIRES_AT BIGINT NOT NULL DEFAULT 0)");
            sql.executeUpdate("INSERT INTO AUTH_USER VALUES ('olduser', 'hash', 5)");
            sql.executeUpdate("INSERT INTO AUTH_SESSION VALUES ('token', 'olduser', 5, 10, 7)");
        }

        assertEquals(13, SchemaMigrations.migrate(db), "only V3 to V15 run");

        try (Connection c = db.getConnection();
                Statement sql = c.createStatement();
                ResultSet row = sql.executeQuery(
                        "SELECT USERNAME, LAST_USED_AT, TOTP_LAST_STEP FROM AUTH_SESSION JOIN AUTH_USER USING (USERNAME)")) {
            row.next();
            assertEquals("olduser", row.getString(1));
            assertEquals(5, row.getLong(2), "the last use of an old session is its creation");
            assertEquals(0, row.getLong(3));
        }
        try (Connection c = db.getConnection();
                Statement sql = c.createStatement();
                ResultSet row = sql.executeQuery("SELECT SESSION_ID FROM AUTH_SESSION")) {
            row.next();
            assertTrue(row.getString(1).matches("[A-Za-z0-9_-]{22}"), "V5 gives the old session its public id");
        }
        try (Connection c = db.getConnection();
                Statement sql = c.createStatement();
                ResultSet row = sql.executeQuery("SELECT SUBJECT FROM AUTH_USER")) {
            row.next();
            assertTrue(row.getString(1).matches("[A-Za-z0-9_-]{22}"), "V12 gives the old account its subject");
        }
    }

    private static EmbeddedDataSource database(String name) throws Exception {
        Path dir = Path.of("target", "unit-db", name + "-" + System.nanoTime());
        Files.createDirectories(dir.getParent());
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(dir.toAbsolutePath().toString());
        db.setCreateDatabase("create");
        return db;
    }
}
