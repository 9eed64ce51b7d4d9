import dev.authservice.it.SoftwarePasskey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Measures what a sign-in with a passkey alone costs the service: the latency of
 * POST /webauthn/login/options (a challenge row) and of POST /webauthn/login (the challenge spent,
 * the assertion verified by webauthn4j, the counter written, a session opened), one at a time,
 * against a running service, with the test suite's software authenticator (ES256).
 *
 *   mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 *   java -cp target/test-classes:$(cat target/bench.cp) src/bench/PasskeySignInTiming.java [base-url] [sign-ins]
 *
 * The base URL's origin must be the one the service sees (auth.portal.url unset: its own address).
 */
public class PasskeySignInTiming {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:5000/");
        int signIns = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String username = "bench-passkey-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery";
        String credentials = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
        post(http, base, "register", null, credentials);
        String token = json(post(http, base, "login", null, credentials)).getString("token");
        SoftwarePasskey passkey = new SoftwarePasskey(SoftwarePasskey.originOf(base));
        JsonObject creation = json(post(
                        http, base, "webauthn/register/options", token, "{\"password\":\"" + password + "\"}"))
                .getJsonObject("publicKey");
        HttpResponse<String> registered =
                post(http, base, "webauthn/register", token, "{\"credential\":" + passkey.register(creation) + "}");
        if (registered.statusCode() != 201) {
            throw new IllegalStateException(
                    "registration answered " + registered.statusCode() + ": " + registered.body());
        }

        List<Double> options = new ArrayList<>();
        List<Double> verifications = new ArrayList<>();
        for (int i = 0; i < signIns + 100; i++) {
            long start = System.nanoTime();
            JsonObject request =
                    json(post(http, base, "webauthn/login/options", null, "{}")).getJsonObject("publicKey");
            long asked = System.nanoTime();
            String answer = passkey.sign(request);
            long signed = System.nanoTime();
            HttpResponse<String> signedIn = post(http, base, "webauthn/login", null, "{\"credential\":" + answer + "}");
            long done = System.nanoTime();
            if (signedIn.statusCode() != 200) {
                throw new IllegalStateException("sign-in answered " + signedIn.statusCode() + ": " + signedIn.body());
            }
            if (i >= 100) { // the first 100 warm the JIT
                options.add((asked - start) / 1e6);
                verifications.add((done - signed) / 1e6);
            }
        }
        report("POST /webauthn/login/options", options);
        report("POST /webauthn/login        ", verifications);
    }

    private static void report(String what, List<Double> millis) {
        Collections.sort(millis);
        System.out.printf(
                "%s n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                what, millis.size(), at(millis, 0.50), at(millis, 0.90), at(millis, 0.99));
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
    }

    private static HttpResponse<String> post(HttpClient http, URI base, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
