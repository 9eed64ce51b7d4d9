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
 * A schema version that gives every row without one a random id (128 bits, base64url, the form the
 * entities make for new rows). In Java, since neither Derby nor PostgreSQL can make the random id
 * in SQL in a way both understand; it needs nothing above the persistence layer.
 */
abstract class RandomIdsMigration implements JavaMigration {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String version;
    private final String description;
    private final String table;
    private final String key;
    private final String idColumn;

    RandomIdsMigration(String version, String description, String table, String key, String idColumn) {
        this.version = version;
        this.description = description;
        this.table = table;
        this.key = key;
        this.idColumn = idColumn;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
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
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = context.getConnection()
                        .prepareStatement("SELECT " + key + " FROM " + table + " WHERE " + idColumn + " IS NULL");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = context.getConnection()
                .prepareStatement("UPDATE " + table + " SET " + idColumn + " = ? WHERE " + key + " = ?")) {
            for (String row : keys) {
                update.setString(1, newId());
                update.setString(2, row);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
