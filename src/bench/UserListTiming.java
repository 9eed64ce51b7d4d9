import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The admin API's user list at scale, in two steps.
 *
 *   java -cp JDBC_JARS src/bench/UserListTiming.java fill JDBC_URL [USER [PASSWORD]] ROWS
 *       adds ROWS accounts straight into a stopped (Derby) or running (PostgreSQL) service's
 *       database, a quarter of them in the group "finance";
 *   java -Daccounts=ROWS src/bench/UserListTiming.java time BASE_URL ADMIN_TOKEN [REQUESTS]
 *       times GET /admin/users one at a time: pages of 100 at random offsets among ROWS
 *       accounts, then searches by a prefix that matches 10 to 100 of them, and prints p50 and
 *       p99 of each.
 *
 * The admin token is an administrator's whose session proved a second factor (or any
 * administrator's with auth.admin.require-second-factor=false on a test instance).
 */
public class UserListTiming {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("fill")) {
            fill(args);
        } else {
            time(URI.create(args[1]), args[2], args.length > 3 ? Integer.parseInt(args[3]) : 500);
        }
    }

    private static void fill(String[] args) throws Exception {
        String url = args[1];
        int rows = Integer.parseInt(args[args.length - 1]);
        String user = args.length > 4 ? args[2] : null;
        String password = args.length > 4 ? args[3] : null;
        long now = System.currentTimeMillis();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            try (PreparedStatement account = db.prepareStatement(
                            "INSERT INTO AUTH_USER (USERNAME, PASSWORD_HASH, CREATED_AT) VALUES (?, ?, ?)");
                    PreparedStatement group = db.prepareStatement(
                            "INSERT INTO AUTH_USER_GROUP (USERNAME, GROUP_NAME) VALUES (?, 'finance')")) {
                for (int i = 0; i < rows; i++) {
                    String name = String.format("filler-%07d", i);
                    account.setString(1, name);
                    // No password verifies against this hash: these accounts are only listed.
                    account.setString(2, "PBKDF2WithHmacSHA256:1024:AAAA:AAAA");
                    account.setLong(3, now);
                    account.addBatch();
                    if (i % 4 == 0) {
                        group.setString(1, name);
                        group.addBatch();
                    }
                    if (i % 10_000 == 9_999) {
                        account.executeBatch();
                        group.executeBatch();
                        db.commit();
                    }
                }
                account.executeBatch();
                group.executeBatch();
                db.commit();
            }
        }
        System.out.println("added " + rows + " accounts");
    }

    private static void time(URI base, String token, int requests) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(7);
        int total = Integer.parseInt(System.getProperty("accounts", "100000"));
        for (int i = 0; i < 50; i++) {
            get(http, base, token, "admin/users?max=100&first=" + random.nextInt(total));
        }
        List<Long> pages = new ArrayList<>();
        List<Long> searches = new ArrayList<>();
        List<Long> consolePages = new ArrayList<>();
        List<Long> consoleSearches = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            pages.add(
                    timed(http, base, token, "admin/users?max=100&first=" + random.nextInt(Math.max(1, total - 100))));
            // "filler-00123" starts 100 of the names that fill wrote.
            String prefix = String.format("filler-%05d", random.nextInt(Math.max(1, total / 100)));
            searches.add(timed(http, base, token, "admin/users?max=100&search=" + prefix));
            // The admin console's pages of 50, the same query behind a rendered page.
            consolePages.add(timed(http, base, token, "portal/admin?first=" + random.nextInt(Math.max(1, total - 50))));
            consoleSearches.add(timed(http, base, token, "portal/admin?search=" + prefix));
        }
        System.out.printf(
                "%d accounts; GET /admin/users?max=100&first=<random>: p50 %.1f ms, p99 %.1f ms;"
                        + " with search=<a prefix of 100 names>: p50 %.1f ms, p99 %.1f ms%n",
                total, q(pages, 0.5), q(pages, 0.99), q(searches, 0.5), q(searches, 0.99));
        System.out.printf(
                "%d accounts; the console, GET /portal/admin?first=<random>: p50 %.1f ms, p99 %.1f ms;"
                        + " with search=<a prefix of 100 names>: p50 %.1f ms, p99 %.1f ms%n",
                total, q(consolePages, 0.5), q(consolePages, 0.99), q(consoleSearches, 0.5), q(consoleSearches, 0.99));
    }

    private static long timed(HttpClient http, URI base, String token, String path) throws Exception {
        long start = System.nanoTime();
        get(http, base, token, path);
        return System.nanoTime() - start;
    }

    private static String get(HttpClient http, URI base, String token, String path) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Authorization", "Bearer " + token)
                        // The console reads the browser's session cookie; the API the Bearer token.
                        .header("Cookie", "auth_session=" + token)
                        .header("Accept", "text/html, application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static double q(List<Long> nanos, double quantile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) (quantile * sorted.size()))) / 1e6;
    }
}
