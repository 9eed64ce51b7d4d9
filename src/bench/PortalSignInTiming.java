import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what a browser's sign-in through the portal costs the service beyond PBKDF2: the
 * latency of POST /portal/login (form, CSRF check, password proof, new session, cookie, 303), one
 * at a time, against a running service, less the mean time the service spent hashing per
 * verification (from its own counters in /metrics).
 *
 *   java src/bench/PortalSignInTiming.java [base-url] [sign-ins]
 *
 * Start the service with few PBKDF2 iterations (AUTH_PASSWORD_HASH_ITERATIONS=1024) so that the
 * hashing left to subtract is small. Each sign-in uses an account of its own, past the throttle.
 */
public class PortalSignInTiming {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final Pattern HASH_SECONDS =
            Pattern.compile("(?m)^auth_password_hashing_seconds_total(?:\\{[^}]*\\})? ([0-9.Ee+-]+)");
    private static final Pattern HASHES =
            Pattern.compile("(?m)^auth_password_hashes_total(?:\\{[^}]*\\})? ([0-9.Ee+-]+)");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:5000/");
        int signIns = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery";
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(base.resolve("portal/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher field = CSRF.matcher(page.body());
        if (!field.find()) {
            throw new IllegalStateException("no CSRF field on the sign-in page");
        }
        String csrf = field.group(1);
        String cookie = (page.headers().firstValue("Set-Cookie").orElseThrow()).split(";", 2)[0];
        int warmUp = Math.min(200, signIns);
        for (int i = 0; i < signIns + warmUp; i++) {
            register(http, base, "portal-" + run + "-" + i, password);
        }
        for (int i = 0; i < warmUp; i++) {
            signIn(http, base, cookie, csrf, "portal-" + run + "-" + (signIns + i), password);
        }
        double[] before = hashing(http, base);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < signIns; i++) {
            long start = System.nanoTime();
            signIn(http, base, cookie, csrf, "portal-" + run + "-" + i, password);
            nanos.add(System.nanoTime() - start);
        }
        double[] after = hashing(http, base);
        double hashMillis = (after[0] - before[0]) * 1000 / Math.max(1, after[1] - before[1]);
        Collections.sort(nanos);
        System.out.printf(
                "POST /portal/login, %d sign-ins one at a time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms;"
                        + " hashing %.2f ms each (from /metrics); p50 without hashing %.2f ms%n",
                signIns,
                millis(nanos, 0.50),
                millis(nanos, 0.90),
                millis(nanos, 0.99),
                hashMillis,
                millis(nanos, 0.50) - hashMillis);
    }

    private static void register(HttpClient http, URI base, String username, String password) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        int status = http.send(
                        HttpRequest.newBuilder(base.resolve("register"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 201) {
            throw new IllegalStateException("register answered " + status);
        }
    }

    private static void signIn(HttpClient http, URI base, String cookie, String csrf, String username, String password)
            throws Exception {
        String form = "csrf=" + csrf + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        int status = http.send(
                        HttpRequest.newBuilder(base.resolve("portal/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", cookie)
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 303) {
            throw new IllegalStateException("sign-in answered " + status);
        }
    }

    /** Seconds spent hashing, and hashes done, as the service counts them. */
    private static double[] hashing(HttpClient http, URI base) throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(base.resolve("metrics")).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new double[] {first(HASH_SECONDS, metrics), first(HASHES, metrics)};
    }

    private static double first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not in /metrics: " + pattern);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (quantile * sorted.size()))) / 1e6;
    }
}
