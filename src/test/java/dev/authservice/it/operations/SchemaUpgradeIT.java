package dev.authservice.it.operations;

import static dev.authservice.it.support.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.ServiceProcess;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A database made by the previous release (schema version 2, with a live session) is upgraded in
 * place when the service starts on it: nothing is lost, and the old session shows in the new
 * session list with an id of its own.
 */
class SchemaUpgradeIT {

    private static final String TOKEN = "upgradeTokenUpgradeTokenUpgradeTokenUpgrade";

    @Test
    void aVersion2DatabaseKeepsItsUsersAndSessions() throws Exception {
        Path workDir = ServiceProcess.workDir("upgrade");
        String url = "jdbc:derby:" + workDir.resolve("db").toAbsolutePath();
        long now = System.currentTimeMillis();
        try (Connection db = DriverManager.getConnection(url + ";create=true");
                Statement sql = db.createStatement()) {
            sql.executeUpdate("CREATE TABLE AUTH_SCHEMA_VERSION (VERSION INT NOT NULL PRIMARY KEY)");
            for (String script : new String[] {"V1__users_and_sessions.sql", "V2__idle_timeout.sql"}) {
                for (String statement : statements(script)) {
                    sql.executeUpdate(statement);
                }
            }
            sql.executeUpdate("INSERT INTO AUTH_SCHEMA_VERSION VALUES (1), (2)");
            sql.executeUpdate(
                    "INSERT INTO AUTH_USER VALUES ('olduser', 'PBKDF2WithHmacSHA256:1024:AAAA:AAAA', " + now + ")");
            sql.executeUpdate(
                    "INSERT INTO AUTH_SESSION (TOKEN_HASH, USERNAME, CREATED_AT, EXPIRES_AT, IDLE_EXPIRES_AT) VALUES ('"
                            + sha256(TOKEN) + "', 'olduser', " + now + ", " + (now + 3_600_000) + ", "
                            + (now + 1_800_000) + ")");
        } finally {
            shutdown(url);
        }

        try (ServiceProcess service = new ServiceProcess(workDir).start()) {
            HttpClientSupport http = new HttpClientSupport(service.baseUri());
            assertEquals(200, http.session(TOKEN).statusCode(), "the old session is live after the upgrade");
            JsonObject listed = json(http.send(http.request("sessions")
                            .header("Authorization", "Bearer " + TOKEN)
                            .GET()))
                    .getJsonArray("sessions")
                    .getJsonObject(0);
            assertEquals(22, listed.getString("id").length(), "an id of its own");
            assertFalse(listed.getString("id").equals(sha256(TOKEN).substring(0, 22)));
            assertEquals(
                    listed.getString("id"),
                    json(http.send(http.request("sessions")
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .GET()))
                            .getJsonArray("sessions")
                            .getJsonObject(0)
                            .getString("id"),
                    "and it stays the same");
            assertEquals(200, http.logout(TOKEN).statusCode());
        }
    }

    private static String[] statements(String script) throws IOException {
        try (InputStream in = SchemaUpgradeIT.class.getResourceAsStream("/META-INF/sql/" + script)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.lines()
                            .filter(line -> !line.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + "\n" + b)
                            .split(";"))
                    .map(String::strip)
                    .filter(statement -> !statement.isEmpty())
                    .toArray(String[]::new);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby confirms a shutdown with SQLState 08006
        }
    }
}
