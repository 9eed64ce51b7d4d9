package dev.authservice.persistence.control;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 5: every session opened before the session list (version 3) gets the public id
 * the list shows, so that no code has to give one later. In Java, since neither Derby nor
 * PostgreSQL can make the random id in SQL in a way both understand.
 */
final class SessionIdsMigration implements JavaMigration {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "session ids for sessions from before the session list";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        List<String> tokenHashes = new ArrayList<>();
        try (PreparedStatement query = context.getConnection()
                        .prepareStatement("SELECT TOKEN_HASH FROM AUTH_SESSION WHERE SESSION_ID IS NULL");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tokenHashes.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = context.getConnection()
                .prepareStatement("UPDATE AUTH_SESSION SET SESSION_ID = ? WHERE TOKEN_HASH = ?")) {
            for (String tokenHash : tokenHashes) {
                update.setString(1, newSessionId());
                update.setString(2, tokenHash);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * 128 random bits, base64url: the form of the session ids of the time. The migration makes
     * them itself, so that it needs nothing above the persistence layer (the Session entity does
     * the same for new sessions).
     */
    private static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
