package dev.authservice.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test deployments, one per configuration: the WAR that `mvn package` built, as shipped, plus
 * the {@link TestClock} and a library whose microprofile-config.properties (ordinal 500)
 * overrides chosen keys, a first administrator among them. Each deployment gets a database of its own: a Derby directory, or a
 * fresh PostgreSQL database under -Ppostgres ({@link TestDatabase}).
 */
public final class Deployments {

    private static final Map<String, Path> DATABASE_DIRS = new ConcurrentHashMap<>();

    /** Every deployment's first administrator (auth.bootstrap.admin.*); see {@link Administrator}. */
    public static final String ADMIN_USERNAME = "deployment-admin";

    public static final String ADMIN_PASSWORD = "administrator horse battery";

    private static final String WEB_XML = "WEB-INF/web.xml";

    private static final String NO_FRAGMENTS = "<absolute-ordering/>";

    private static final String WILDFLY_ONLY = "WEB-INF/wildfly";

    private Deployments() {}

    /** The shipped configuration but for fast hashing (the shipped cost is tested by CrashRecoveryIT). */
    public static WebArchive standard(String name) {
        return authService(name, Map.of());
    }

    /** One hashing slot and a queue of one, which wait long: tests fill them on purpose. */
    public static WebArchive oneHashingSlot(String name) {
        return authService(
                name,
                Map.of(
                        "auth.hashing.concurrency", "1",
                        "auth.hashing.queue", "1",
                        "auth.hashing.max-wait", "PT30S"));
    }

    /** Another configuration, for the one test class that needs it. */
    public static WebArchive authService(String name, Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("config_ordinal", "500");
        config.put("auth.password.hash.iterations", "1024");
        config.put("auth.bootstrap.admin.username", ADMIN_USERNAME);
        config.put("auth.bootstrap.admin.password", ADMIN_PASSWORD);
        Path databaseDir = databaseDir(name);
        config.put("auth.db.dir", databaseDir.toString());
        config.put("auth.mfa.key-file", databaseDir.resolveSibling("totp.key").toString());
        if (TestDatabase.isPostgres()) {
            config.putAll(TestDatabase.freshPostgres(name));
        }
        config.putAll(overrides);
        String properties = config.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        // Named after its configuration: GlassFish keeps an application's MicroProfile Config
        // under its name, so a deployment reusing a name would read the previous one's keys.
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, builtWar()));
        if (!"wildfly".equals(System.getProperty("arquillian.launch"))) {
            // EclipseLink for WildFly alone: the other servers never load it, but Payara Micro
            // takes about a second longer to start with it, and the suite starts Payara Micro
            // some fifty times. The tests that start the shipped WAR itself keep it.
            war.delete(WILDFLY_ONLY);
        }
        war.addClasses(TestClock.class, TestClockResource.class);
        war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-config.jar")
                .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties"));
        return war;
    }

    /**
     * For the tests that run inside the server: Arquillian's servlet protocol registers its runner
     * through a web fragment, which the shipped web.xml's empty {@code <absolute-ordering/>} leaves
     * out on purpose (no library of the WAR is one). These deployments take every fragment in.
     */
    public static WebArchive inContainer(WebArchive war) {
        String webXml;
        try (InputStream in = war.get(WEB_XML).getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!webXml.contains(NO_FRAGMENTS)) {
            throw new IllegalStateException("web.xml no longer has " + NO_FRAGMENTS + "; revisit inContainer");
        }
        war.delete(WEB_XML);
        return war.setWebXML(
                new StringAsset(webXml.replace(NO_FRAGMENTS, "<absolute-ordering><others/></absolute-ordering>")));
    }

    private static Path databaseDir(String name) {
        Path dir = ServiceProcess.workDir("arquillian-" + name).resolve("db").toAbsolutePath();
        DATABASE_DIRS.put(name, dir);
        return dir;
    }

    /** Where the last deployment of this name keeps its Derby database (auth.db.dir). */
    public static Path databaseDirOf(String name) {
        return DATABASE_DIRS.get(name);
    }

    public static File builtWar() {
        File war = new File(System.getProperty("auth.war", "target/auth-service.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Run the tests through `mvn verify`, which builds " + war);
        }
        return war;
    }
}
