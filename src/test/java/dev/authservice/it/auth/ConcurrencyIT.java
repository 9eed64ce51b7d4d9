package dev.authservice.it.auth;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authservice.it.support.DeployedService;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Simultaneous requests for one username or one token: the database decides, never a 500. */
class ConcurrencyIT extends DeployedService {

    private static final int CLIENTS = 24;
    private static final String PASSWORD = "correct horse battery";

    @Test
    void simultaneousRegistrationsOfOneUsernameGiveExactlyOne201() throws Exception {
        for (int round = 0; round < 3; round++) {
            String username = uniqueUsername("race");
            Map<Integer, Long> statuses = all(i -> http.register(username, PASSWORD + i));
            assertEquals(Map.of(201, 1L, 400, (long) CLIENTS - 1), statuses);
        }
    }

    @Test
    void simultaneousLogoutsOfOneTokenGiveExactlyOne200() throws Exception {
        for (int round = 0; round < 3; round++) {
            String token = http.newSession(uniqueUsername("logout-race"), PASSWORD);
            Map<Integer, Long> statuses = all(i -> http.logout(token));
            assertEquals(Map.of(200, 1L, 401, (long) CLIENTS - 1), statuses);
        }
    }

    @Test
    void manyUsersRegisterAndLogInAtOnce() throws Exception {
        String prefix = uniqueUsername("crowd");
        Map<Integer, Long> registered = all(i -> http.register(prefix + "-" + i, PASSWORD));
        assertEquals(Map.of(201, (long) CLIENTS), registered);
        Map<Integer, Long> loggedIn = all(i -> http.login(prefix + "-" + i, PASSWORD));
        assertEquals(Map.of(200, (long) CLIENTS), loggedIn);
    }

    /**
     * The throttle counts each attempt under its name's row lock before the password is checked,
     * so guesses sent at once cannot slip past it: exactly the five free failures are checked.
     */
    @Test
    void simultaneousWrongLoginsForOneNameGetExactlyTheFreeFailures() throws Exception {
        for (boolean known : new boolean[] {true, false}) {
            String username = uniqueUsername("storm");
            if (known) {
                assertEquals(201, http.register(username, PASSWORD).statusCode());
            }
            Map<Integer, Long> statuses = all(i -> http.login(username, "wrong guess " + i));
            assertEquals(Map.of(401, 5L, 429, (long) CLIENTS - 5), statuses, known ? "a user" : "no such user");
        }
    }

    /** Fires CLIENTS requests as close to together as threads allow; counts the status codes. */
    private static Map<Integer, Long> all(Function<Integer, HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return request.apply(client);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                statuses.add(future.get(120, TimeUnit.SECONDS).statusCode());
            }
            return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
