package dev.authservice.it.operations;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the service keeps on disk is readable by its own user only, whatever the umask. */
class DataAtRestIT extends DeployedService {

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theKeyThatSealsTotpSecretsAndItsDirectoryAreOwnerOnly() {
        Path key = Deployments.databaseDirOf(deploymentName).resolveSibling("totp.key");
        assertTrue(Files.isRegularFile(key), key + " was made at deployment");
        assertEquals("rw-------", mode(key));
        assertEquals("rwx------", mode(key.getParent()));
    }

    @Test
    void theEmbeddedDatabaseFilesAreOwnerOnly() throws IOException {
        assumeFalse(TestDatabase.isPostgres(), "PostgreSQL keeps its own files");
        assertEquals(
                201,
                http.register(uniqueUsername("at-rest"), "correct horse battery")
                        .statusCode());
        Path database = Deployments.databaseDirOf(deploymentName);
        List<Path> everything;
        try (Stream<Path> walk = Files.walk(database)) {
            everything = walk.toList();
        }
        assertTrue(everything.stream().anyMatch(p -> p.toString().endsWith(".dat")), "Derby's segment files");
        for (Path path : everything) {
            assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------", mode(path), path.toString());
        }
        assertEquals("rwx------", mode(database.getParent()));
    }
}
