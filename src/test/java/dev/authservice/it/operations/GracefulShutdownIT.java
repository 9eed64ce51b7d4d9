package dev.authservice.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ServiceProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, as an init system stops the service, while registrations at the shipped PBKDF2 cost
 * are in flight: every one that was acknowledged with 201 is there after the restart, and no
 * answer is an HTML page. (Payara may cut a request that is still inside the application when it
 * tears the application down; such a request is never acknowledged. See the README.)
 */
class GracefulShutdownIT {

    private static final int REQUESTS = 12;
    private static final String PASSWORD = "a password for shutdown";

    @Test
    void whatWasAcknowledgedBeforeSigtermIsKept() throws Exception {
        Path workDir = ServiceProcess.workDir("shutdown");
        String prefix = HttpClientSupport.uniqueUsername("sigterm");
        List<String> acknowledged = new ArrayList<>();
        // One hashing slot: registrations finish one after another, so some are surely still
        // pending at the SIGTERM, however many cores the machine has.
        try (ServiceProcess service = new ServiceProcess(workDir)
                .withEnv("AUTH_HASHING_CONCURRENCY", "1")
                .start()) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // Warm-up: the first registration also loads the password list and the dummy hash.
            assertEquals(
                    201,
                    new HttpClientSupport(service.baseUri())
                            .register(prefix + "-warm", PASSWORD)
                            .statusCode());
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                HttpRequest request = HttpRequest.newBuilder(service.baseUri().resolve("register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                HttpClientSupport.credentials(prefix + "-" + i, PASSWORD)))
                        .build();
                inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            // SIGTERM once some are answered and the rest are still in flight.
            assertTrue(
                    Poll.until(
                            Duration.ofSeconds(60),
                            () -> inFlight.stream()
                                            .filter(CompletableFuture::isDone)
                                            .count()
                                    >= 2),
                    "two registrations were answered");
            long pending = inFlight.stream().filter(f -> !f.isDone()).count();
            assertTrue(pending > 0, "requests were still pending at the SIGTERM");
            service.stop();

            for (int i = 0; i < REQUESTS; i++) {
                try {
                    HttpResponse<String> answer = inFlight.get(i).get(30, TimeUnit.SECONDS);
                    assertFalse(answer.body().contains("<html"), answer.body());
                    if (answer.statusCode() == 201) {
                        acknowledged.add(prefix + "-" + i);
                    } else {
                        // Not acknowledged: the service's problem+json, or, once the application is
                        // gone and before the listener closes, the container's empty answer.
                        String type =
                                answer.headers().firstValue("Content-Type").orElse("");
                        assertTrue(
                                answer.statusCode() >= 400
                                        && (type.contains("problem+json")
                                                || answer.body().isEmpty()),
                                () -> answer.statusCode() + " " + type + ": " + answer.body());
                    }
                } catch (ExecutionException connectionClosed) {
                    // not acknowledged: the client knows it must retry
                }
            }
            assertFalse(acknowledged.isEmpty(), "the requests sent well before SIGTERM were acknowledged");

            service.start();
            HttpClientSupport http = new HttpClientSupport(service.baseUri());
            for (String username : acknowledged) {
                assertEquals(200, http.login(username, PASSWORD).statusCode(), username + " was acknowledged");
            }
        }
    }
}
