package dev.authservice.it.operations;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.hashing.control.HashingGate;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ProblemAssertions;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hashing gate under a flood, made deterministic: the test itself takes the one hashing slot
 * and holds it, a login fills the queue of one, and only then do the requests under test run,
 * over real HTTP to the same server.
 */
@ExtendWith(ArquillianExtension.class)
class HashingBackpressureIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(Deployments.oneHashingSlot("backpressure")
                .addClasses(HashingBackpressureIT.class, HttpClientSupport.class, ProblemAssertions.class, Poll.class));
    }

    @Inject
    HashingGate gate;

    @ArquillianResource
    URL base;

    private HttpClientSupport http;
    private final CountDownLatch release = new CountDownLatch(1);
    private CompletableFuture<Integer> holder;
    private CompletableFuture<HttpResponse<String>> queued;

    @BeforeEach
    void client() {
        http = new HttpClientSupport(base);
    }

    /** Takes the only slot, then parks one login in the only queue place. */
    private void fillTheGate() {
        CountDownLatch holding = new CountDownLatch(1);
        holder = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            holding.countDown();
            try {
                return release.await(60, TimeUnit.SECONDS) ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }));
        await(holding);
        queued = CompletableFuture.supplyAsync(() -> http.login(uniqueUsername("queued"), "a wrong password"));
        assertTrue(Poll.until(Duration.ofSeconds(30), () -> gate.waiting() == 1), "one login waits");
    }

    @AfterEach
    void emptyTheGate() throws Exception {
        release.countDown();
        if (holder != null) {
            holder.get(30, TimeUnit.SECONDS);
            assertProblem(401, queued.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void overflowIs503WithRetryAfterWhileTokenChecksStillAnswer() {
        String token = http.newSession(uniqueUsername("checker"), PASSWORD);
        fillTheGate();

        HttpResponse<String> overflow = http.login(uniqueUsername("flood"), "a wrong password");
        assertProblem(503, overflow);
        assertEquals("1", overflow.headers().firstValue("Retry-After").orElse(""));
        assertProblem(503, http.register(uniqueUsername("flood"), PASSWORD));

        for (int i = 0; i < 5; i++) {
            assertEquals(200, http.session(token).statusCode(), "token checks never wait for hashing");
        }
        assertEquals(1, gate.waiting(), "the gate was still full while the checks were answered");
    }

    @Test
    void aRefusedLoginDoesNotCountAgainstTheAccount() {
        String username = uniqueUsername("spared");
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        fillTheGate();

        for (int i = 0; i < 10; i++) {
            assertProblem(503, http.login(username, "a wrong password " + i));
        }
        release.countDown();
        // The holder leaves the slot and the queued login takes it: only then is there room again.
        assertTrue(Poll.until(Duration.ofSeconds(30), () -> holder.isDone() && gate.waiting() == 0), "the gate drains");

        assertEquals(200, http.login(username, PASSWORD).statusCode(), "ten refusals are not ten failures");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
