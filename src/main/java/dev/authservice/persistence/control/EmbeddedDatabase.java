package dev.authservice.persistence.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Embedded Derby, the zero-configuration database. While it runs, Derby holds a lock on the
 * database directory for the engine that opened it, so the database must be shut down when the
 * application stops: otherwise a redeployment, whose new class loader may boot a second engine,
 * finds the directory locked (Derby's XSDB6) until the whole server restarts. Only this
 * database is shut down, never the engine, which a server may share with its own databases
 * (GlassFish keeps its EJB timers in Derby).
 */
public final class EmbeddedDatabase {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    /** Derby's SQLState for "the database has shut down", which is how a clean shutdown reports success. */
    private static final String DATABASE_SHUT_DOWN = "08006";

    /**
     * Prepared when the database opens: by the time the application stops, a server may have
     * closed its class loader (GlassFish does), and the shutdown must load nothing new.
     */
    private static final AtomicReference<EmbeddedDataSource> SHUTDOWN = new AtomicReference<>();

    private EmbeddedDatabase() {}

    static DataSource dataSource(String directory) {
        ownerOnly(Path.of(directory).toAbsolutePath());
        String path = Path.of(directory).toAbsolutePath().toString();
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(path);
        derby.setCreateDatabase("create");
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(path);
        shutdown.setShutdownDatabase("shutdown");
        SHUTDOWN.set(shutdown);
        return derby;
    }

    /**
     * The database holds password hashes, token hashes and sealed TOTP secrets: only the service's
     * own user may read it. Its directory and any missing parent are created owner-only, files
     * of an existing database are made so, and Derby is told to create its files owner-only
     * (it otherwise leaves them to the umask: 644 under the usual 022).
     */
    private static void ownerOnly(Path database) {
        System.setProperty("derby.storage.useDefaultFilePermissions", "false");
        try {
            Files.createDirectories(database.getParent(), PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            if (Files.isDirectory(database)) {
                try (Stream<Path> existing = Files.walk(database)) {
                    for (Path file : (Iterable<Path>) existing::iterator) {
                        Files.setPosixFilePermissions(
                                file, Files.isDirectory(file) ? OWNER_ONLY_DIRECTORY : OWNER_ONLY_FILE);
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Derby reports a directory it cannot use itself; this only narrows access.
            LOG.warning(() -> "Could not restrict the database files to their owner: " + e);
        }
    }

    /** Shuts down the database this application opened, if it opened one. */
    public static void shutDown() {
        EmbeddedDataSource shutdown = SHUTDOWN.getAndSet(null);
        if (shutdown == null) {
            return;
        }
        try {
            shutdown.getConnection().close();
            LOG.warning("Embedded Derby did not confirm its shutdown");
        } catch (SQLException e) {
            if (DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                LOG.info("Embedded Derby database shut down");
            } else {
                LOG.warning(
                        () -> "Embedded Derby did not shut down cleanly: " + e.getSQLState() + " " + e.getMessage());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warning(() -> "Embedded Derby could not be shut down: " + e);
        }
    }
}
