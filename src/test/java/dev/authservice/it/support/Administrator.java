package dev.authservice.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployment's first administrator, signed in as the admin API requires by default: with a
 * second factor. The first call enrols TOTP for it, on the deployment's {@link TestClock}; later
 * calls log in again with the next step's code when the last token is no longer live.
 */
public final class Administrator {

    private static final Map<URI, TestAuthenticator> AUTHENTICATORS = new ConcurrentHashMap<>();
    private static final Map<URI, String> TOKENS = new ConcurrentHashMap<>();

    private Administrator() {}

    /** A token of the administrator whose session proved its second factor. */
    public static String token(HttpClientSupport http) {
        String cached = TOKENS.get(http.base());
        if (cached != null && http.session(cached).statusCode() == 200) {
            return cached;
        }
        // The password alone succeeds only before the deployment's administrator has a second
        // factor: then it is enrolled now (a deployment of the same address before had its own).
        HttpResponse<String> passwordOnly = http.login(Deployments.ADMIN_USERNAME, Deployments.ADMIN_PASSWORD);
        if (passwordOnly.statusCode() == 200) {
            String first = HttpClientSupport.token(passwordOnly);
            // The first administrator's password came from the environment: it is changed before
            // anything else (here to the same text, so that every test knows it).
            changePassword(http, first, Deployments.ADMIN_PASSWORD);
            AUTHENTICATORS.put(
                    http.base(),
                    TestAuthenticator.enrol(http, first, Deployments.ADMIN_PASSWORD)
                            .app());
        }
        TestAuthenticator app = AUTHENTICATORS.get(http.base());
        // A step no code has logged in with yet.
        http.advanceClock(Duration.ofSeconds(30));
        HttpResponse<String> login = http.postJson(
                "login",
                Json.createObjectBuilder()
                        .add("username", Deployments.ADMIN_USERNAME)
                        .add("password", Deployments.ADMIN_PASSWORD)
                        .add("otp", app.codeAt(http.clock()))
                        .build()
                        .toString());
        assertEquals(200, login.statusCode(), login.body());
        String token = HttpClientSupport.token(login);
        TOKENS.put(http.base(), token);
        return token;
    }

    /** An admin API call as the administrator: {@code json} is the body, or null for none. */
    public static HttpResponse<String> call(HttpClientSupport http, String method, String path, String json) {
        java.net.http.HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + token(http));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(
                method,
                json == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The administrator's authenticator app, for signing in by hand (a browser test); enrolled first if need be. */
    public static TestAuthenticator authenticator(HttpClientSupport http) {
        token(http);
        return AUTHENTICATORS.get(http.base());
    }

    /** POST /password of the token's session, to {@code replacement}; asserts that it was changed. */
    static void changePassword(HttpClientSupport http, String token, String replacement) {
        HttpResponse<String> changed = http.postJson(
                "password",
                token,
                Json.createObjectBuilder()
                        .add("current_password", Deployments.ADMIN_PASSWORD)
                        .add("new_password", replacement)
                        .build()
                        .toString());
        assertEquals(200, changed.statusCode(), changed.body());
    }
}
