package dev.authservice.auth.it;

import static dev.authservice.auth.it.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real nginx in front of the service: auth_request to /session protects a static location and a
 * proxied application, which receives X-Auth-User. Needs Debian's nginx, so it runs in the Maven
 * profile `nginx` (`mvn verify -Pnginx`), which .ci/run turns on after installing nginx.
 */
class NginxAuthRequestIT extends DeployedServiceTest {

    private static final String PASSWORD = "correct horse battery";


    private Process nginx;
    private HttpServer upstream;
    private HttpClientSupport viaNginx;

    @BeforeEach
    void startNginxInFrontOfTheService() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/app/", exchange -> {
            String user = exchange.getRequestHeaders().getFirst("X-Auth-User");
            byte[] body = ("upstream saw X-Auth-User=" + user).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();

        Path dir = ServiceProcess.workDir("nginx").toAbsolutePath();
        Files.createDirectories(dir.resolve("www/static"));
        Files.writeString(dir.resolve("www/static/index.html"), "<p>protected page</p>");
        int port = freePort();
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, nginxConfig(dir, port, upstream.getAddress().getPort()));
        nginx = new ProcessBuilder(System.getProperty("nginx.binary", "/usr/sbin/nginx"), "-p", dir.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        viaNginx = new HttpClientSupport(URI.create("http://127.0.0.1:" + port + "/"));
        awaitListening(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    private HttpResponse<String> get(String path, String token) {
        var request = viaNginx.request(path).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return viaNginx.send(request);
    }

    @Test
    void noTokenIsRefused() {
        assertEquals(401, get("static/index.html", null).statusCode());
        assertEquals(401, get("app/orders", null).statusCode());
    }

    @Test
    void aValidTokenGetsThePageAndTheUpstreamLearnsTheUser() {
        String username = uniqueUsername("nginx");
        String token = http.newSession(username, PASSWORD);

        HttpResponse<String> page = get("static/index.html", token);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("protected page"));
        assertEquals(username, page.headers().firstValue("X-Auth-User").orElse(""));

        HttpResponse<String> app = get("app/orders", token);
        assertEquals(200, app.statusCode());
        assertEquals("upstream saw X-Auth-User=" + username, app.body());
    }

    @Test
    void aClientCannotForgeTheUserHeader() {
        String username = uniqueUsername("honest");
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> app = viaNginx.send(viaNginx.request("app/orders")
                .header("Authorization", "Bearer " + token).header("X-Auth-User", "admin").GET());
        assertEquals("upstream saw X-Auth-User=" + username, app.body());
    }

    @Test
    void afterLogoutTheTokenIsRefused() {
        String token = http.newSession(uniqueUsername("gone"), PASSWORD);
        assertEquals(200, get("static/index.html", token).statusCode());
        assertEquals(200, http.logout(token).statusCode());
        assertEquals(401, get("static/index.html", token).statusCode());
        assertEquals(401, get("app/orders", token).statusCode());
    }

    /** The README's recipe, with paths and ports of this test. */
    private String nginxConfig(Path dir, int port, int upstreamPort) {
        String session = base.toString().replaceAll("/$", "") + "/session";
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/tmp-body;
                    proxy_temp_path %1$s/tmp-proxy;
                    fastcgi_temp_path %1$s/tmp-fastcgi;
                    uwsgi_temp_path %1$s/tmp-uwsgi;
                    scgi_temp_path %1$s/tmp-scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location /static/ {
                            auth_request /_auth;
                            auth_request_set $auth_user $upstream_http_x_auth_user;
                            add_header X-Auth-User $auth_user always;
                            root %1$s/www;
                        }
                        location /app/ {
                            auth_request /_auth;
                            auth_request_set $auth_user $upstream_http_x_auth_user;
                            proxy_set_header X-Auth-User $auth_user;
                            proxy_pass http://127.0.0.1:%3$d;
                        }
                        location = /_auth {
                            internal;
                            proxy_pass %4$s;
                            proxy_pass_request_body off;
                            proxy_set_header Content-Length "";
                            proxy_set_header X-Original-URI $request_uri;
                        }
                    }
                }
                """.formatted(dir, port, upstreamPort, session);
    }

    private void awaitListening(Path dir) throws Exception {
        boolean listening = Poll.until(Duration.ofSeconds(15), () -> {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited: " + read(dir.resolve("nginx.out")));
            }
            try {
                get("static/index.html", null);
                return true;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        if (!listening) {
            throw new IllegalStateException("nginx did not start listening");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
