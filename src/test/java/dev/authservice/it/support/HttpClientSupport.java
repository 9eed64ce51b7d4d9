package dev.authservice.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A small HTTP client for black-box tests: real requests over the loopback interface. */
public final class HttpClientSupport {

    private final HttpClient client;
    private final URI base;

    public HttpClientSupport(URL base) {
        this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"));
    }

    /** HTTP/1.1, as curl and the reverse proxies in front of the service speak it. */
    public HttpClientSupport(URI base) {
        this(base, HttpClient.Version.HTTP_1_1);
    }

    public HttpClientSupport(URI base, HttpClient.Version version) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(version)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public URI base() {
        return base;
    }

    public static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static String credentials(String username, String password) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> register(String username, String password) {
        return postJson("register", credentials(username, password));
    }

    public HttpResponse<String> login(String username, String password) {
        return postJson("login", credentials(username, password));
    }

    /** Registers and logs in; returns the token. */
    public String newSession(String username, String password) {
        HttpResponse<String> registered = register(username, password);
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("register answered " + registered.statusCode() + ": " + registered.body());
        }
        return token(login(username, password));
    }

    public static String token(HttpResponse<String> login) {
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login answered " + login.statusCode() + ": " + login.body());
        }
        return json(login).getString("token");
    }

    public HttpResponse<String> postWithBearer(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> logout(String token) {
        return postWithBearer("logout", token);
    }

    /** Moves the deployment's {@link TestClock} forward. */
    public void advanceClock(Duration duration) {
        HttpResponse<String> moved =
                send(request("test-clock?advance=" + duration).POST(HttpRequest.BodyPublishers.noBody()));
        if (moved.statusCode() != 204) {
            throw new IllegalStateException("the test clock answered " + moved.statusCode());
        }
    }

    /** The deployment's {@link TestClock}, as it stands. */
    public Instant clock() {
        return Instant.ofEpochMilli(
                Long.parseLong(send(request("test-clock").GET()).body()));
    }

    /** POST with a bearer token and a JSON body. */
    public HttpResponse<String> postJson(String path, String token, String json) {
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> session(String token) {
        return send(
                request("session").header("Authorization", "Bearer " + token).GET());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    /** A request for the path exactly as written: "." and ".." segments and escapes are sent as they are. */
    public HttpRequest.Builder requestAsWritten(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
