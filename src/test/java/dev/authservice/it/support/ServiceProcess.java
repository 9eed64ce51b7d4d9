package dev.authservice.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operator runs it: `java -jar payara-micro.jar --deploy auth-service.war` with
 * the project's boot commands and shipped configuration, as a separate process this test can kill.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path databaseDir;
    private final Path log;
    private final int port;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;
    private boolean productionCommand;

    public ServiceProcess(Path workDir) {
        this(workDir, freePort());
    }

    /** On a port a document names (the walk-throughs' 5000). */
    public ServiceProcess(Path workDir, int port) {
        this.databaseDir = workDir.resolve("db");
        this.log = workDir.resolve("server.log");
        this.port = port;
    }

    /** An environment variable for the next start (MicroProfile Config reads AUTH_* from there). */
    public ServiceProcess withEnv(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ServiceProcess withoutEnv(String name) {
        environment.remove(name);
        return this;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServiceProcess start() {
        launch();
        awaitReady();
        return this;
    }

    /** Starts the process and returns once the log shows {@code line} or the process has ended. */
    public ServiceProcess startUntilLogged(String line) {
        launch();
        if (!Poll.until(Duration.ofSeconds(180), () -> log().contains(line) || !process.isAlive())) {
            throw new IllegalStateException("the log did not show \"" + line + "\" within 180 s; see " + log);
        }
        return this;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /**
     * Start as the README's production command does: target/auth-service.sh, with
     * payara-config/jvm.options and the class-data-sharing archive, on this process's port.
     */
    public ServiceProcess asProductionCommand() {
        productionCommand = true;
        return this;
    }

    private void launch() {
        List<String> command = productionCommand
                ? List.of(Deployments.builtWar()
                        .toPath()
                        .resolveSibling("auth-service.sh")
                        .toString())
                : javaCommand();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AUTH_PORT", Integer.toString(port));
        builder.environment().put("AUTH_DB_DIR", databaseDir.toAbsolutePath().toString());
        builder.environment()
                .put(
                        "AUTH_MFA_KEY_FILE",
                        databaseDir.resolveSibling("totp.key").toAbsolutePath().toString());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The production JVM options (payara-config/jvm.options) and the build's class-data archive,
     * on the tests' port, with the tests' JIT: the quick tier only, on one thread, as the
     * Arquillian deployments (src/test/resources/arquillian.xml). A start takes about 10 s instead
     * of 18 on two cores; the tests that need the JVM exactly as shipped use the production
     * command ({@link #asProductionCommand()}).
     */
    private List<String> javaCommand() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + System.getProperty("auth.payaraConfig") + "/jvm.options",
                "-XX:SharedArchiveFile=" + System.getProperty("auth.cds.archive"),
                "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1",
                "-jar",
                System.getProperty("payara.microJar"),
                "--nohazelcast",
                "--disablephonehome",
                "--port",
                Integer.toString(port),
                "--prebootcommandfile",
                System.getProperty("auth.payaraConfig") + "/pre-boot-commands.asadmin",
                "--systemproperties",
                System.getProperty("auth.payaraConfig") + "/system.properties",
                "--logproperties",
                System.getProperty("auth.payaraConfig") + "/logging.properties",
                "--contextroot",
                "/",
                "--deploy",
                Deployments.builtWar().getAbsolutePath());
    }

    /** SIGKILL: no shutdown hook, no flush, no orderly undeploy. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server survived SIGKILL");
        }
    }

    /** SIGTERM, as an init system stops a service; a service that does not stop within a minute fails the test. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill9();
                throw new IllegalStateException("SIGTERM did not stop the service within 60 s; it was killed");
            }
        }
    }

    /** After a test: stops the service if it still runs, whatever the test's outcome. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    /** Ready when our own endpoint answers as ours: a problem+json 401 from /logout. */
    private void awaitReady() {
        HttpClientSupport http = new HttpClientSupport(baseUri());
        boolean ready = Poll.until(Duration.ofSeconds(180), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response =
                        http.send(http.request("logout").POST(HttpRequest.BodyPublishers.noBody()));
                return response.statusCode() == 401 && response.body().contains("\"status\":401");
            } catch (UncheckedIOException notYetListening) {
                return false;
            }
        });
        if (!ready) {
            throw new IllegalStateException("the server was not ready within 180 s; see " + log);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path workDir(String name) {
        Path dir = Path.of(System.getProperty("auth.testDataDir", "target/it-data"), name + "-" + System.nanoTime());
        return new File(dir.toString()).toPath();
    }
}
