package dev.authservice.it.oidc;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A relying party's own server: Payara Micro, as its operators would run it, with the test's
 * applications (the Jakarta Security one at /rp, the MicroProfile JWT service at /api), and the
 * client's settings as system properties. A server of its own, as
 * an application would have, not beside auth-service in one.
 */
final class RelyingPartyServer implements AutoCloseable {

    private final Path dir;
    private final int port = freePort();
    private Process process;

    RelyingPartyServer(Path dir) {
        this.dir = dir;
    }

    int port() {
        return port;
    }

    /** http://localhost:port/rp: the application's base, which its redirect URIs start with. */
    String base() {
        return "http://localhost:" + port + "/rp";
    }

    /** http://localhost:port/api: the MicroProfile JWT service's base. */
    String apiBase() {
        return "http://localhost:" + port + "/api";
    }

    /**
     * Starts the server with each application at /name (rp, api), and these system properties.
     */
    RelyingPartyServer start(Map<String, WebArchive> applications, Map<String, String> systemProperties) {
        try {
            Path apps = dir.resolve("applications");
            Files.createDirectories(apps);
            for (Map.Entry<String, WebArchive> application : applications.entrySet()) {
                File war = apps.resolve(application.getKey() + ".war").toFile();
                application.getValue().as(ZipExporter.class).exportTo(war, true);
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    // The build's class-data archive: the same payara-micro.jar, so its classes load from it.
                    "-XX:SharedArchiveFile=" + System.getProperty("auth.cds.archive"),
                    "-XX:TieredStopAtLevel=1",
                    "-XX:CICompilerCount=1"));
            systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of(
                    "-jar",
                    System.getProperty("payara.microJar"),
                    "--nohazelcast",
                    "--disablephonehome",
                    "--port",
                    Integer.toString(port),
                    "--deploymentDir",
                    apps.toAbsolutePath().toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClientSupport http = new HttpClientSupport(URI.create(base() + "/"));
        boolean ready = Poll.until(Duration.ofSeconds(180), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the relying party's server exited; see " + dir.resolve("server.log"));
            }
            try {
                return http.send(http.request("signed-out").GET()).statusCode() == 200;
            } catch (UncheckedIOException notYetListening) {
                return false;
            }
        });
        if (!ready) {
            throw new IllegalStateException(
                    "the relying party's server did not start; see " + dir.resolve("server.log"));
        }
        return this;
    }

    String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
