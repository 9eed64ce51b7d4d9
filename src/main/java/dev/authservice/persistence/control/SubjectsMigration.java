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
 * Schema version 12: every account from before the OpenID provider (version 11) gets its subject,
 * the random identifier OpenID Connect's "sub" carries. In Java for the reason SessionIdsMigration
 * gives: neither Derby nor PostgreSQL makes a random id in SQL that both understand.
 */
final class SubjectsMigration implements JavaMigration {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "subjects for accounts from before the OpenID provider";
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
        List<String> usernames = new ArrayList<>();
        try (PreparedStatement query = context.getConnection()
                        .prepareStatement("SELECT USERNAME FROM AUTH_USER WHERE SUBJECT IS NULL");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                usernames.add(rows.getString(1));
            }
        }
        try (PreparedStatement update =
                context.getConnection().prepareStatement("UPDATE AUTH_USER SET SUBJECT = ? WHERE USERNAME = ?")) {
            for (String username : usernames) {
                update.setString(1, newSubject());
                update.setString(2, username);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** 128 random bits, base64url, as the User entity makes them for new accounts. */
    private static String newSubject() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
