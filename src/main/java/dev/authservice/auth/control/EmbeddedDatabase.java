package dev.authservice.auth.control;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Embedded Derby, the zero-configuration database. Its engine is loaded by the application's own
 * class loader and holds a lock on the database directory while it runs, so it must be shut down
 * when the application stops: otherwise a redeployment, whose new class loader boots a second
 * engine, finds the directory locked (Derby's XSDB6) until the whole server restarts.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    /** Derby's SQLState for "the whole engine has shut down", which is how a clean shutdown reports success. */
    private static final String ENGINE_SHUT_DOWN = "XJ015";

    private static final AtomicBoolean IN_USE = new AtomicBoolean();

    private EmbeddedDatabase() {
    }

    static DataSource dataSource(String directory) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(Path.of(directory).toAbsolutePath().toString());
        derby.setCreateDatabase("create");
        IN_USE.set(true);
        return derby;
    }

    /** Stops the engine and every database it booted in this application; nothing if none was booted. */
    public static void shutDown() {
        if (!IN_USE.getAndSet(false)) {
            return;
        }
        try {
            new EmbeddedDriver().connect("jdbc:derby:;shutdown=true", new Properties());
        } catch (SQLException e) {
            if (ENGINE_SHUT_DOWN.equals(e.getSQLState())) {
                LOG.info("Embedded Derby shut down");
            } else {
                LOG.warning(() -> "Embedded Derby did not shut down cleanly: " + e.getSQLState() + " " + e.getMessage());
            }
        }
    }
}
