package dev.authservice.it.auth;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.token;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.HttpClientSupport;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP contract (README, "Use it"), black-box, against the built WAR on a real server (Payara Micro, GlassFish or WildFly). */
class HttpContractIT extends DeployedService {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void registerAnswers201WithTheUsername() {
        String username = uniqueUsername("reg");
        HttpResponse<String> response = http.register(username, PASSWORD);
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(username, json(response).getString("username"));
        assertFalse(response.body().contains(PASSWORD));
    }

    @Test
    void responsesNameNeitherTheServerNorItsVersion() {
        for (HttpResponse<String> response : List.of(
                http.register(uniqueUsername("headers"), PASSWORD),
                http.send(http.request("no-such-path").GET()),
                http.send(http.request("session").GET()))) {
            assertTrue(
                    response.headers().firstValue("Server").isEmpty(),
                    "Server: " + response.headers().firstValue("Server"));
            assertTrue(
                    response.headers().firstValue("X-Powered-By").isEmpty(),
                    "X-Powered-By: " + response.headers().firstValue("X-Powered-By"));
        }
    }

    @Test
    void registeringATakenUsernameIs400() {
        String username = uniqueUsername("taken");
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        JsonObject problem = assertProblem(400, http.register(username, "another password"));
        assertTrue(problem.getString("detail").contains("taken"), problem.toString());
    }

    @Test
    void registerRejectsMissingEmptyAndWronglyTypedFields() {
        assertTrue(assertProblem(400, http.postJson("register", "{\"password\":\"abcdefghij\"}"))
                .getString("detail")
                .contains("username"));
        assertTrue(assertProblem(400, http.postJson("register", "{\"username\":\"u-missing-pw\"}"))
                .getString("detail")
                .contains("password"));
        assertTrue(assertProblem(400, http.postJson("register", "{\"username\":\"\",\"password\":\"abcdefghij\"}"))
                .getString("detail")
                .contains("empty"));
        assertTrue(assertProblem(400, http.postJson("register", "{\"username\":42,\"password\":\"abcdefghij\"}"))
                .getString("detail")
                .contains("string"));
        assertProblem(400, http.postJson("register", "{\"username\":\"x\",\"password\":null}"));
        assertProblem(400, http.postJson("register", "[\"username\",\"password\"]"));
        assertProblem(400, http.postJson("register", ""));
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheInput() {
        JsonObject problem =
                assertProblem(400, http.postJson("register", "{\"username\":\"m\",\"password\":\"s3cr3t-tail"));
        assertTrue(problem.getString("detail").contains("JSON"), problem.toString());
        assertFalse(problem.toString().contains("s3cr3t"));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = {'{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, '"', '}'};
        HttpResponse<String> response = http.send(http.request("register")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertProblem(400, response);
    }

    @Test
    void loginAnswersABearerTokenThatNoCacheMayKeep() {
        String username = uniqueUsername("login");
        http.register(username, PASSWORD);
        HttpResponse<String> response = http.login(username, PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertTrue(body.getString("token").matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url, no padding");
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(30 * 60, body.getInt("expires_in"), "the default idle timeout comes before the 12 h absolute one");
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(""));
    }

    @Test
    void everyLoginMakesANewSession() {
        String username = uniqueUsername("multi");
        http.register(username, PASSWORD);
        String first = token(http.login(username, PASSWORD));
        String second = token(http.login(username, PASSWORD));
        assertNotEquals(first, second);
        assertEquals(200, http.logout(first).statusCode());
        assertEquals(200, http.logout(second).statusCode(), "the other session is untouched");
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        String username = uniqueUsername("enum");
        http.register(username, PASSWORD);
        HttpResponse<String> wrongPassword = http.login(username, "not the password");
        HttpResponse<String> unknownUser = http.login(uniqueUsername("ghost"), "not the password");
        assertProblem(401, wrongPassword);
        assertProblem(401, unknownUser);
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertEquals(
                wrongPassword.headers().map().keySet(),
                unknownUser.headers().map().keySet());
    }

    @Test
    void loginIsCaseSensitiveAboutThePassword() {
        String username = uniqueUsername("case");
        http.register(username, PASSWORD);
        assertProblem(401, http.login(username, PASSWORD.toUpperCase()));
    }

    @Test
    void loginWithAnUnreadableBodyIs401() {
        assertProblem(401, http.postJson("login", "{\"username\":\"someone\"}"));
        assertProblem(401, http.postJson("login", "not json"));
    }

    @Test
    void logoutRevokesTheSessionOnce() {
        String token = http.newSession(uniqueUsername("logout"), PASSWORD);
        HttpResponse<String> first = http.logout(token);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> again = http.logout(token);
        assertProblem(401, again);
        assertEquals(
                "Bearer realm=\"auth-service\", error=\"invalid_token\"",
                again.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void logoutWithoutATokenChallengesWithoutAnErrorCode() {
        HttpResponse<String> response = http.send(http.request("logout").POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(401, response);
        assertEquals(
                "Bearer realm=\"auth-service\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> basic = http.send(http.request("logout")
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(401, basic);
        assertEquals(
                "Bearer realm=\"auth-service\"",
                basic.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void logoutWithAMalformedOrUnknownTokenIsInvalidToken() {
        for (String token : new String[] {"not-a-token", "a".repeat(43), "x".repeat(5000)}) {
            HttpResponse<String> response = http.logout(token);
            assertProblem(401, response);
            assertTrue(
                    response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
        }
    }

    @Test
    void tokensAreNotAcceptedFromTheQueryStringOrAForm() {
        String token = http.newSession(uniqueUsername("query"), PASSWORD);
        assertProblem(
                401, http.send(http.request("logout?access_token=" + token).POST(HttpRequest.BodyPublishers.noBody())));
        assertProblem(
                401,
                http.send(http.request("logout")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("access_token=" + token))));
        assertEquals(200, http.logout(token).statusCode(), "the token was still live");
    }

    @Test
    void clientsThatAskForAnHttp2UpgradeAreServedToo() {
        HttpClientSupport upgrading = new HttpClientSupport(http.base(), HttpClient.Version.HTTP_2);
        String username = uniqueUsername("h2c");
        assertEquals(201, upgrading.register(username, PASSWORD).statusCode());
        String token = token(upgrading.login(username, PASSWORD));
        assertEquals(200, upgrading.logout(token).statusCode());
        assertProblem(401, upgrading.logout(token));
    }

    @Test
    void unknownPathIsProblem404() {
        assertProblem(404, http.send(http.request("no/such/path").GET()));
        assertProblem(404, http.send(http.request("WEB-INF/web.xml").GET()));
    }

    @Test
    void wrongMethodIsProblem405WithAllow() {
        HttpResponse<String> response = http.send(http.request("login").GET());
        assertProblem(405, response);
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"));
        assertProblem(405, http.send(http.request("register").DELETE()));
    }

    @Test
    void wrongMediaTypeIsProblem415() {
        assertProblem(
                415,
                http.send(http.request("register")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b"))));
        assertProblem(
                415,
                http.send(http.request("login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b"))));
    }

    /** Any web page can make a browser send a body with no Content-Type (fetch, no-cors, a Blob). */
    @Test
    void aBodyWithoutContentTypeIsProblem415() {
        for (String path : new String[] {"register", "login"}) {
            assertProblem(
                    415,
                    http.send(http.request(path)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    HttpClientSupport.credentials("testuser", "testpassword")))),
                    path);
        }
    }

    @Test
    void aFieldNamedTwiceOrDataAfterTheObjectIsRefused() {
        String username = uniqueUsername("strict");
        assertEquals(201, http.register(username, "correct horse battery").statusCode());
        String twice =
                "{\"username\":\"nobody\",\"username\":\"" + username + "\",\"password\":\"correct horse battery\"}";
        String trailing = HttpClientSupport.credentials(username, "correct horse battery") + "xyz";
        String two = HttpClientSupport.credentials(username, "correct horse battery")
                + HttpClientSupport.credentials("nobody", "x");
        for (String body : new String[] {twice, trailing, two}) {
            assertProblem(401, http.postJson("login", body), "login refuses it like any failed login: " + body);
            assertProblem(400, http.postJson("register", body.replace(username, uniqueUsername("strict"))), body);
        }
    }

    @Test
    void oversizedBodyIsProblem413() {
        String huge = HttpClientSupport.credentials("big", "p".repeat(100_000));
        assertProblem(413, http.postJson("register", huge));
        assertProblem(413, http.postJson("login", huge));
    }

    @Test
    void deeplyNestedJsonIsAClientErrorNotAStackTrace() {
        String arrays = "{\"username\":" + "[".repeat(900) + "]".repeat(900) + ",\"password\":\"x\"}";
        assertTrue(assertProblem(400, http.postJson("register", arrays))
                .getString("detail")
                .contains("nests deeper"));
        assertProblem(401, http.postJson("login", arrays));
        assertProblem(400, http.postJson("register", "{\"a\":".repeat(3000)));
        assertProblem(413, http.postJson("register", "{\"a\":".repeat(5000)));
    }

    @Test
    void noWadlDescribesTheService() {
        for (String path : new String[] {"application.wadl", "openapi/application.wadl"}) {
            assertProblem(404, http.send(http.request(path).GET()));
        }
        for (String path : new String[] {"login", "openapi", "health/live", "metrics"}) {
            HttpResponse<String> options =
                    http.send(http.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertFalse(
                    options.body().contains("wadl") || options.body().contains("Jersey"), path + ": " + options.body());
        }
    }

    @Test
    void everyResponseForbidsContentSniffing() {
        String token = http.newSession(uniqueUsername("nosniff"), PASSWORD);
        for (HttpResponse<String> response : List.of(
                http.send(http.request("session")
                        .header("Authorization", "Bearer " + token)
                        .GET()),
                http.logout("x".repeat(43)),
                http.send(http.request("no/such/path").GET()),
                http.send(http.request("WEB-INF/web.xml").GET()))) {
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElse(""),
                    response.uri() + " " + response.statusCode());
        }
    }
}
