package dev.authservice.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A deployer's whole job on WildFly: copy the WAR into a stock WildFly's deployments/ and start it.
 * No module to install, no configuration to edit (docs/servers.md); the build unpacks an untouched
 * distribution for this test alone (the wildfly profile).
 */
class WildFlyCopyDeploymentIT {

    /** Moves every port of standalone.xml by this much: HTTP on 21080, management on 22990. */
    private static final int PORT_OFFSET = 13000;

    private static final String PASSWORD = "copy-only-deployment-7";

    @Test
    void aStockWildFlyRunsTheWarCopiedIntoItsDeploymentsFolder() throws Exception {
        Path home = Path.of(System.getProperty("wildfly.stock.home"));
        Path deployments = home.resolve("standalone/deployments");
        Files.copy(
                Deployments.builtWar().toPath(),
                deployments.resolve("auth-service.war"),
                StandardCopyOption.REPLACE_EXISTING);
        Path workDir = ServiceProcess.workDir("wildfly-copy");
        Files.createDirectories(workDir);
        ProcessBuilder standalone = new ProcessBuilder(
                        home.resolve("bin/standalone.sh").toString(),
                        "-Djboss.socket.binding.port-offset=" + PORT_OFFSET)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("console.log").toFile());
        standalone.environment().put("AUTH_DB_DIR", workDir.resolve("db").toString());
        standalone
                .environment()
                .put("AUTH_MFA_KEY_FILE", workDir.resolve("totp.key").toString());
        Process server = standalone.start();
        try {
            assertTrue(
                    Poll.until(
                            Duration.ofSeconds(240),
                            () -> Files.exists(deployments.resolve("auth-service.war.deployed"))
                                    || Files.exists(deployments.resolve("auth-service.war.failed"))
                                    || !server.isAlive()),
                    "WildFly reported nothing about the deployment within 240 s");
            assertFalse(
                    Files.exists(deployments.resolve("auth-service.war.failed")),
                    () -> "WildFly refused the WAR: " + read(deployments.resolve("auth-service.war.failed")));
            assertTrue(Files.exists(deployments.resolve("auth-service.war.deployed")), "deployed");

            HttpClientSupport http =
                    new HttpClientSupport(URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/"));
            String username = HttpClientSupport.uniqueUsername("copied");
            assertEquals(201, http.register(username, PASSWORD).statusCode());
            HttpResponse<String> login = http.login(username, PASSWORD);
            assertEquals(200, login.statusCode());
            String token = HttpClientSupport.token(login);
            assertEquals(200, http.session(token).statusCode(), "the session is one EclipseLink found again");
            assertEquals(200, http.logout(token).statusCode());
            assertEquals(401, http.logout(token).statusCode());

            List<String> errors =
                    Files.readAllLines(home.resolve("standalone/log/server.log"), StandardCharsets.UTF_8).stream()
                            .filter(line -> line.contains(" ERROR "))
                            .toList();
            assertEquals(List.of(), errors, "WildFly logged no error");
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
            Files.deleteIfExists(deployments.resolve("auth-service.war"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
