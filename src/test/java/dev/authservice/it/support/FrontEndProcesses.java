package dev.authservice.it.support;

import java.io.IOException;
import java.nio.file.Path;

/** Debian's nginx and Caddy, started as the front-end tests run them: one foreground process each, its files in the test's directory. */
public final class FrontEndProcesses {

    private FrontEndProcesses() {}

    /** nginx with this configuration, its output in {@code dir/output}. */
    public static Process nginx(Path dir, Path config, String output) throws IOException {
        return new ProcessBuilder(
                        System.getProperty("nginx.binary", "/usr/sbin/nginx"),
                        "-p",
                        dir.toString(),
                        "-c",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(output).toFile())
                .start();
    }

    /** Caddy with this Caddyfile, its output in {@code dir/proxy.out}, its state under {@code dir}. */
    public static Process caddy(Path dir, Path config) throws IOException {
        ProcessBuilder caddy = new ProcessBuilder(
                        System.getProperty("caddy.binary", "/usr/bin/caddy"),
                        "run",
                        "--config",
                        config.toString(),
                        "--adapter",
                        "caddyfile")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("proxy.out").toFile());
        // Caddy keeps its state under these; the test's directory, not the user's home.
        caddy.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        caddy.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return caddy.start();
    }
}
