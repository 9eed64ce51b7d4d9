import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Measures whether login timing reveals which usernames exist: the median latency of logins with
 * a wrong password for a real account against logins for names that have no account, interleaved,
 * one at a time, against a running service.
 *
 *   java src/bench/LoginTiming.java [base-url] [samples-per-kind]
 *
 * Each name is tried at most four times, so the brute-force throttle never answers instead.
 */
public class LoginTiming {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:5000/");
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int users = (samples + 3) / 4;
        for (int u = 0; u < users; u++) {
            int status = post(http, base, "register", "timing-" + run + "-" + u, "the right password " + u)
                    .statusCode();
            if (status != 201) {
                throw new IllegalStateException("register answered " + status);
            }
        }
        // Warm-up, not measured.
        for (int i = 0; i < 10; i++) {
            post(http, base, "login", "warmup-" + run + "-" + i, "x-wrong-password");
        }
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownUser = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            wrongPassword.add(timed(http, base, "timing-" + run + "-" + (i / 4), "a wrong password"));
            unknownUser.add(timed(http, base, "nobody-" + run + "-" + (i / 4), "a wrong password"));
        }
        double known = median(wrongPassword) / 1e6;
        double unknown = median(unknownUser) / 1e6;
        System.out.printf("samples per kind: %d%n", samples);
        System.out.printf("median wrong-password login: %.1f ms%n", known);
        System.out.printf("median unknown-user login:   %.1f ms%n", unknown);
        System.out.printf("difference: %.1f %%%n", 100.0 * Math.abs(unknown - known) / known);
    }

    private static long timed(HttpClient http, URI base, String username, String password) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = post(http, base, "login", username, password);
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 401) {
            throw new IllegalStateException("expected 401, got " + response.statusCode() + " " + response.body());
        }
        return elapsed;
    }

    private static HttpResponse<String> post(HttpClient http, URI base, String path, String username, String password)
            throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
