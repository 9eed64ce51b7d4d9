package dev.authservice.auth.it;

import static dev.authservice.auth.it.HttpClientSupport.uniqueUsername;
import static dev.authservice.auth.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A login flood at the shipped PBKDF2 cost against one hashing slot and a queue of one: the
 * overflow is refused with 503 and Retry-After, and token checks go on answering meanwhile.
 */
class HashingBackpressureIT extends DeployedServiceTest {

    private static final int FLOOD = 16;
    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authService(Map.of(
                "auth.hashing.concurrency", "1",
                "auth.hashing.queue", "1",
                "auth.hashing.max-wait", "PT0.5S"));
    }

    @Test
    void overflowIs503WithRetryAfterAndTokenChecksStillAnswer() throws Exception {
        String token = http.newSession(uniqueUsername("checker"), PASSWORD);

        ExecutorService pool = Executors.newFixedThreadPool(FLOOD);
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            String name = uniqueUsername("flood");
            flood.add(CompletableFuture.supplyAsync(() -> http.login(name, "a wrong password"), pool));
        }
        List<Integer> checks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            checks.add(http.send(http.request("session").header("Authorization", "Bearer " + token).GET()).statusCode());
        }

        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> login : flood) {
            HttpResponse<String> response = login.get(60, TimeUnit.SECONDS);
            if (response.statusCode() == 503) {
                refused++;
                assertProblem(503, response);
                assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
            } else {
                assertProblem(401, response);
            }
        }
        pool.shutdown();
        assertTrue(refused > 0, "one slot and a queue of one cannot take " + FLOOD + " logins at once");
        assertEquals(List.of(200, 200, 200, 200, 200), checks, "token checks never wait for hashing");
    }

    @Test
    void aRefusedLoginDoesNotCountAgainstTheAccount() throws Exception {
        String username = uniqueUsername("spared");
        http.register(username, PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(FLOOD);
        List<CompletableFuture<HttpResponse<String>>> mine = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            mine.add(CompletableFuture.supplyAsync(() -> http.login(username, "a wrong password"), pool));
        }
        int counted = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> login : mine) {
            int status = login.get(60, TimeUnit.SECONDS).statusCode();
            counted += status == 401 || status == 429 ? 1 : 0;
            refused += status == 503 ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(refused > 0, "the flood overflowed the queue");
        // Only attempts that got a hashing slot count: below five of them, the account is not throttled.
        int expected = counted < 5 ? 200 : 429;
        assertEquals(expected, http.login(username, PASSWORD).statusCode(), counted + " attempts were answered, " + refused + " refused");
    }
}
