package dev.authservice.auth.it;

import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments: the WAR that `mvn package` built, as shipped, plus a library whose
 * microprofile-config.properties (ordinal 500) overrides chosen keys for the test.
 */
public final class Deployments {

    /** Fast hashing for tests that do not measure hashing; the shipped default is tested elsewhere. */
    public static final Map<String, String> FAST_HASHING = Map.of("auth.password.hash.iterations", "1024");

    private Deployments() {
    }

    public static WebArchive authService(Map<String, String> configOverrides) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, builtWar());
        String properties = "config_ordinal=500\n" + configOverrides.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-config.jar")
                .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties"));
        return war;
    }

    public static File builtWar() {
        File war = new File(System.getProperty("auth.war", "target/auth-service.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Run the tests through `mvn verify`, which builds " + war);
        }
        return war;
    }
}
