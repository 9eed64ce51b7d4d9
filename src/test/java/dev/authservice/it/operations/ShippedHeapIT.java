package dev.authservice.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped command (target/auth-service.sh with payara-config/jvm.options, the heap operators
 * get) serves every GET path of its own OpenAPI document, the operations endpoints and every
 * portal page, to an administrator, a person signed in through the portal and a stranger, each
 * within 5 s, and never runs out of memory doing so.
 */
class ShippedHeapIT {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern PATH = Pattern.compile("(?m)^  (/[^:]*):$");
    private static final Pattern GET = Pattern.compile("(?m)^    get:$");
    private static final List<String> OPERATIONS =
            List.of("/openapi", "/health", "/health/ready", "/health/live", "/metrics");
    private static final List<String> PORTAL_PAGES = List.of(
            "/portal/login",
            "/portal/login/second-factor",
            "/portal/logout",
            "/portal/no-access",
            "/portal/account",
            "/portal/style.css",
            "/portal/passkeys.js");

    @Test
    void everyGetPathAndPortalPageAnswersWithinFiveSecondsWithoutRunningOutOfMemory() throws Exception {
        ServiceProcess service = new ServiceProcess(ServiceProcess.workDir("shipped-heap"))
                .asProductionCommand()
                .withEnv("AUTH_BOOTSTRAP_ADMIN_USERNAME", "heap-admin")
                .withEnv("AUTH_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
                .withEnv("AUTH_ADMIN_REQUIRE_SECOND_FACTOR", "false")
                .withEnv("AUTH_COOKIE_SECURE", "false");
        try (ServiceProcess running = service.start()) {
            HttpClientSupport http = new HttpClientSupport(running.baseUri());
            String admin = HttpClientSupport.token(http.login("heap-admin", PASSWORD));
            assertEquals(
                    200,
                    http.postJson(
                                    "password",
                                    admin,
                                    "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + PASSWORD + "\"}")
                            .statusCode(),
                    "the first administrator's password, changed first");
            String origin = running.baseUri().toString().replaceAll("/$", "");
            PortalBrowser person = new PortalBrowser(http, origin);
            String username = HttpClientSupport.uniqueUsername("heap");
            assertEquals(201, http.register(username, PASSWORD).statusCode());
            assertEquals(303, person.signIn(username, PASSWORD, null).statusCode(), "signed in through the portal");

            List<String> paths = new ArrayList<>(
                    getPathsOf(timed(http, "/openapi", null, null).body(), username));
            assertTrue(paths.contains("/admin/users"), "the served document is the service's own: " + paths);
            paths.addAll(OPERATIONS);
            paths.addAll(PORTAL_PAGES);
            Map<String, Integer> statuses = new LinkedHashMap<>();
            for (String path : paths) {
                statuses.put("admin " + path, timed(http, path, admin, null).statusCode());
                statuses.put("person " + path, timed(http, path, null, person).statusCode());
                statuses.put("stranger " + path, timed(http, path, null, null).statusCode());
            }

            statuses.forEach((request, status) -> assertTrue(status < 500, request + " answered " + status));
            assertEquals(200, statuses.get("admin /admin/users"), "the admin list was served, not refused");
            assertEquals(200, statuses.get("person /portal/account"), "the account page was served");
            assertFalse(running.log().contains("OutOfMemoryError"), "the log shows an OutOfMemoryError");
        }
    }

    /** The paths of the OpenAPI document that have a GET operation, with a username for its parameter. */
    private static List<String> getPathsOf(String document, String username) {
        List<String> paths = new ArrayList<>();
        Matcher path = PATH.matcher(document);
        List<int[]> starts = new ArrayList<>();
        while (path.find()) {
            starts.add(new int[] {path.start(), path.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : document.length();
            String operations = document.substring(starts.get(i)[1], end);
            if (GET.matcher(operations).find()) {
                String name = document.substring(starts.get(i)[0] + 2, starts.get(i)[1] - 1);
                // Any other parameter (a passkey's or a client's id) names nothing there is.
                paths.add(name.replace("{username}", username).replaceAll("\\{[^}]+\\}", "unknown"));
            }
        }
        return paths;
    }

    /** GET within 5 s, with a Bearer token or a browser's cookies; a later answer fails the test. */
    private static HttpResponse<String> timed(HttpClientSupport http, String path, String token, PortalBrowser browser)
            throws Exception {
        String relative = path.substring(1);
        if (browser != null) {
            return within(() -> browser.get(relative), path);
        }
        var request = http.request(relative).timeout(WITHIN);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return within(() -> http.send(request.GET()), path);
    }

    private interface Get {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> within(Get get, String path) throws Exception {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = get.send();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(WITHIN) <= 0, path + " took " + took.toMillis() + " ms");
            return response;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new AssertionError(path + " did not answer within " + WITHIN.toSeconds() + " s", e);
            }
            throw e;
        }
    }
}
