package dev.authservice.it.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The postgres profile's throw-away cluster (src/test/postgres/cluster), stopped and started by tests. */
public final class PostgresCluster {

    private PostgresCluster() {}

    public static void stop() {
        run("stop", System.getProperty("auth.test.pg.dir"));
    }

    public static void resume() {
        run("resume", System.getProperty("auth.test.pg.dir"), System.getProperty("auth.test.pg.port"));
    }

    private static void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", System.getProperty("auth.test.pg.script")));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("cluster " + arguments[0] + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
