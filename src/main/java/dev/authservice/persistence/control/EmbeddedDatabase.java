package dev.authservice.persistence.control;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
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
