package dev.authservice.it.support;

import java.nio.file.Path;

/** What every test's nginx configuration starts with: one foreground process, all its files under {@code dir}. */
public final class NginxConfig {

    private NginxConfig() {}

    /** Everything up to the inside of the {@code http} block; the caller adds its servers and the closing brace. */
    public static String opening(Path dir, int workerConnections) {
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections %2$d; }
                http {
                    client_body_temp_path %1$s/tmp-body;
                    proxy_temp_path %1$s/tmp-proxy;
                    fastcgi_temp_path %1$s/tmp-fastcgi;
                    uwsgi_temp_path %1$s/tmp-uwsgi;
                    scgi_temp_path %1$s/tmp-scgi;
                """.formatted(dir, workerConnections);
    }
}
