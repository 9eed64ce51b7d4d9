package dev.authservice.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Checks that a response is an RFC 9457 problem with the given status. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    public static JsonObject assertProblem(int status, HttpResponse<String> response) {
        return assertProblem(status, response, "");
    }

    public static JsonObject assertProblem(int status, HttpResponse<String> response, String why) {
        assertEquals(status, response.statusCode(), () -> why + " body: " + response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), () -> "Content-Type was " + type);
        assertFalse(response.body().contains("<html"), "no HTML error page");
        assertFalse(response.body().contains("Exception"), "no exception text");
        JsonObject problem = HttpClientSupport.json(response);
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertTrue(problem.containsKey("type"));
        return problem;
    }
}
