package dev.authservice.it.frontends;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ServiceProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real reverse proxy in front of the service, configured as docs/front-ends.md says: it asks
 * /session before it lets a request to /app/ through to an upstream application, which answers
 * with the X-Auth-User it received. Each subclass starts one proxy from Debian's packages.
 */
abstract class FrontEndFixture extends DeployedService {

    static final String PASSWORD = "correct horse battery";

    private Process proxy;
    private HttpServer upstream;
    HttpClientSupport viaProxy;
    Path dir;

    /** Writes the proxy's configuration into {@code dir} and starts it, listening on {@code port}. */
    abstract Process startProxy(int port, int upstreamPort, URI session) throws IOException;

    @BeforeEach
    void startProxyInFrontOfTheService() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpHandler echo = exchange -> {
            String user = exchange.getRequestHeaders().getFirst("X-Auth-User");
            // Every other spelling that a CGI, FastCGI or WSGI gateway maps to HTTP_X_AUTH_USER.
            List<String> lookalikes = exchange.getRequestHeaders().keySet().stream()
                    .filter(name -> !name.equalsIgnoreCase("X-Auth-User"))
                    .filter(name -> name.toLowerCase(Locale.ROOT)
                            .replaceAll("[_.]", "-")
                            .equals("x-auth-user"))
                    .toList();
            String saw = "upstream saw X-Auth-User=" + user + (lookalikes.isEmpty() ? "" : " and " + lookalikes);
            byte[] body = saw.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
        upstream.createContext("/app/", echo);
        upstream.createContext("/finance/", echo);
        upstream.start();

        dir = ServiceProcess.workDir(getClass().getSimpleName()).toAbsolutePath();
        Files.createDirectories(dir);
        int port = freePort();
        URI session = URI.create(base.toString().replaceAll("/$", "") + "/session");
        proxy = startProxy(port, upstream.getAddress().getPort(), session);
        viaProxy = new HttpClientSupport(URI.create("http://127.0.0.1:" + port + "/"));
        awaitListening();
    }

    @AfterEach
    void stopProxy() throws Exception {
        if (proxy != null) {
            proxy.destroy();
            proxy.waitFor(10, TimeUnit.SECONDS);
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    HttpResponse<String> get(String path, String token) {
        var request = viaProxy.request(path).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return viaProxy.send(request);
    }

    @Test
    void noTokenIsRefused() {
        assertEquals(401, get("app/orders", null).statusCode());
    }

    @Test
    void aValidTokenPassesAndTheUpstreamLearnsTheUser() {
        String username = uniqueUsername("proxied");
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> app = get("app/orders", token);
        assertEquals(200, app.statusCode());
        assertEquals("upstream saw X-Auth-User=" + username, app.body());
    }

    @Test
    void aClientCannotForgeTheUserHeaderInAnySpelling() {
        String username = uniqueUsername("honest");
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> app = viaProxy.send(viaProxy.request("app/orders")
                .header("Authorization", "Bearer " + token)
                .header("X-Auth-User", "admin")
                .header("X_Auth_User", "admin")
                .header("X-Auth_User", "admin")
                .header("X_Auth-User", "admin")
                .header("X.Auth.User", "admin")
                .header("x_auth_user", "admin")
                .GET());
        assertEquals("upstream saw X-Auth-User=" + username, app.body());
    }

    /** They tell the public how the service is built and how it is doing; only operators may read them. */
    @Test
    void theOperationsEndpointsAreNotRoutedToThePublicButTheServiceIs() {
        for (String path : new String[] {
            "metrics", "openapi", "health", "health/live", "health/ready", "metrics/", "%6detrics", "x/../metrics"
        }) {
            assertEquals(
                    404, viaProxy.send(viaProxy.requestAsWritten(path).GET()).statusCode(), path);
        }
        assertEquals(200, http.send(http.request("health/live").GET()).statusCode(), "the service itself answers");
        HttpResponse<String> login = viaProxy.login(uniqueUsername("nobody"), PASSWORD);
        assertEquals(401, login.statusCode(), "the API is routed: " + login.body());
    }

    /** docs/front-ends.md's location for one group: /session?group=finance. */
    @Test
    void aLocationForOneGroupLetsOnlyItsMembersIn() {
        String member = uniqueUsername("finance");
        String memberToken = http.newSession(member, PASSWORD);
        HttpResponse<String> granted = http.send(http.request("admin/users/" + member + "/groups")
                .header("Authorization", "Bearer " + Administrator.token(http))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[\"finance\"]")));
        assertEquals(200, granted.statusCode(), granted.body());
        String outsiderToken = http.newSession(uniqueUsername("outsider"), PASSWORD);

        HttpResponse<String> in = get("finance/report", memberToken);
        assertEquals(200, in.statusCode());
        assertEquals("upstream saw X-Auth-User=" + member, in.body());
        assertEquals(403, get("finance/report", outsiderToken).statusCode());
        assertEquals(401, get("finance/report", null).statusCode());
        assertEquals(200, get("app/orders", outsiderToken).statusCode(), "other locations need no group");
    }

    @Test
    void afterLogoutTheTokenIsRefused() {
        String token = http.newSession(uniqueUsername("gone"), PASSWORD);
        assertEquals(200, get("app/orders", token).statusCode());
        assertEquals(200, http.logout(token).statusCode());
        assertEquals(401, get("app/orders", token).statusCode());
    }

    private void awaitListening() {
        boolean listening = Poll.until(Duration.ofSeconds(15), () -> {
            if (!proxy.isAlive()) {
                throw new IllegalStateException("the proxy exited: " + read(dir.resolve("proxy.out")));
            }
            try {
                get("app/ping", null);
                return true;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        if (!listening) {
            throw new IllegalStateException("the proxy did not start listening: " + read(dir.resolve("proxy.out")));
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The service's root, from the URI of its session check. */
    static String serviceRoot(URI session) {
        return session.getScheme() + "://" + session.getHost() + ":" + session.getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
