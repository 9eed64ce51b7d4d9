package dev.authservice.auth.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaInstallerTest {

    @Test
    void everyMigrationScriptExistsAndSplitsIntoStatementsWithoutComments() throws Exception {
        for (String script : SchemaInstaller.MIGRATIONS) {
            List<String> statements = SchemaInstaller.statements(script);
            assertFalse(statements.isEmpty(), script);
            for (String sql : statements) {
                assertFalse(sql.contains("--"), sql);
                assertFalse(sql.endsWith(";"), sql);
                assertTrue(sql.matches("(?s)(CREATE|ALTER|DROP|UPDATE) .*"), sql);
            }
        }
    }
}
