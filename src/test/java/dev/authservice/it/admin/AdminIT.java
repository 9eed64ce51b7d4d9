package dev.authservice.it.admin;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.TestAuthenticator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin API and the group check, black-box: who may call it, every call's effect on the
 * account and its sessions, the lockout protection, and groups as front ends require them.
 */
class AdminIT extends DeployedService {

    private static final String PASSWORD = "correct horse battery";

    private HttpResponse<String> admin(String method, String path, String json) {
        return as(Administrator.token(http), method, path, json);
    }

    private HttpResponse<String> as(String token, String method, String path, String json) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(
                method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String user(String username) {
        return "admin/users/"
                + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String registered(String prefix) {
        String username = uniqueUsername(prefix);
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        return username;
    }

    private String loginToken(String username, String password) {
        return HttpClientSupport.token(http.login(username, password));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    // Who may call

    @Test
    void withoutATokenTheAdminApiAnswers401() {
        assertProblem(401, http.send(http.request("admin/users").GET()));
    }

    @Test
    void aUserWhoIsNoAdministratorGets403ThatSaysWhy() {
        String token = http.newSession(uniqueUsername("plain"), PASSWORD);
        JsonObject problem = assertProblem(403, as(token, "GET", "admin/users", null));
        assertTrue(problem.getString("detail").contains("administrators"), problem.toString());
    }

    @Test
    void anAdministratorWhoseSessionProvedNoSecondFactorGets403ThatSaysWhy() {
        String second = uniqueUsername("admin-no-mfa");
        assertEquals(
                201,
                admin(
                                "POST",
                                "admin/users",
                                Json.createObjectBuilder()
                                        .add("username", second)
                                        .add("password", PASSWORD)
                                        .add("groups", Json.createArrayBuilder().add("admin"))
                                        .build()
                                        .toString())
                        .statusCode());
        JsonObject problem = assertProblem(403, as(loginToken(second, PASSWORD), "GET", "admin/users", null));
        assertTrue(problem.getString("detail").contains("second factor"), problem.toString());
    }

    // Reading

    @Test
    void theUserListIsOrderedByNameSearchableAndPaged() {
        String prefix = uniqueUsername("list");
        for (String suffix : List.of("c", "a", "b")) {
            assertEquals(201, http.register(prefix + "-" + suffix, PASSWORD).statusCode());
        }
        http.newSession(prefix + "-zz", PASSWORD);
        JsonObject first = json(admin("GET", "admin/users?search=" + prefix + "&max=2", null));
        assertTrue(first.getBoolean("more"));
        List<JsonObject> users = first.getJsonArray("users").getValuesAs(JsonObject.class);
        assertEquals(
                List.of(prefix + "-a", prefix + "-b"),
                users.stream().map(u -> u.getString("username")).toList());
        JsonObject a = users.get(0);
        for (String field :
                List.of("created_at", "last_login_at", "disabled", "groups", "second_factor", "live_sessions")) {
            assertTrue(a.containsKey(field), field);
        }
        assertTrue(a.isNull("last_login_at"), "never logged in");
        JsonObject rest = json(admin("GET", "admin/users?search=" + prefix + "&first=2&max=2", null));
        assertFalse(rest.getBoolean("more"), "the search matched four");
        assertEquals(
                List.of(),
                json(admin("GET", "admin/users?search=" + prefix.substring(1) + "&max=2", null))
                        .getJsonArray("users"),
                "a search matches the start of a name");
        List<JsonObject> more = rest.getJsonArray("users").getValuesAs(JsonObject.class);
        assertEquals(prefix + "-c", more.get(0).getString("username"));
        assertEquals(1, more.get(1).getInt("live_sessions"));
        assertFalse(more.get(1).isNull("last_login_at"));
    }

    @Test
    void aPageIsAtMost100AndBadPagingIs400() {
        for (String query : List.of("max=101", "max=0", "first=-1", "max=ten", "first=1e3")) {
            assertProblem(400, admin("GET", "admin/users?" + query, null), query);
        }
        assertEquals(200, admin("GET", "admin/users?max=100", null).statusCode());
    }

    @Test
    void oneUserShowsItsLiveSessionsWithoutTokens() {
        String username = registered("one");
        String token = loginToken(username, PASSWORD);
        HttpResponse<String> shown = admin("GET", user(username), null);
        assertEquals(200, shown.statusCode(), shown.body());
        JsonObject account = json(shown);
        assertEquals(1, account.getInt("live_sessions"));
        JsonObject session = account.getJsonArray("sessions").getJsonObject(0);
        assertTrue(session.containsKey("id") && session.containsKey("client"), session.toString());
        assertFalse(shown.body().contains(token), "no token in the answer");
        assertFalse(session.containsKey("token"));
    }

    @Test
    void aUsernameInThePathIsTheCanonicalNamePercentEncoded() {
        String username = uniqueUsername("zoë");
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        assertEquals(200, admin("GET", user(username), null).statusCode());
        assertProblem(404, admin("GET", user(uniqueUsername("nobody")), null));
        assertProblem(404, admin("POST", user(uniqueUsername("nobody")) + "/disable", null));
    }

    // Changing accounts

    @Test
    void anAdministratorCreatesAUserInGroupsThatTheCheckReports() {
        String username = uniqueUsername("created");
        HttpResponse<String> created = admin(
                "POST",
                "admin/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", PASSWORD)
                        .add("groups", Json.createArrayBuilder().add("staff").add("finance"))
                        .build()
                        .toString());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> check = http.session(loginToken(username, PASSWORD));
        assertEquals(List.of("finance", "staff"), strings(json(check).getJsonArray("groups")));
        assertEquals(
                "finance,staff", check.headers().firstValue("X-Auth-Groups").orElse(null));
    }

    @Test
    void creatingRefusesBadGroupsWeakPasswordsAndTakenNames() {
        String taken = registered("taken");
        for (String body : List.of(
                "{\"username\":\"" + uniqueUsername("g") + "\",\"password\":\"" + PASSWORD
                        + "\",\"groups\":[\"Finance\"]}",
                "{\"username\":\"" + uniqueUsername("g") + "\",\"password\":\"" + PASSWORD + "\",\"groups\":[\"a,b\"]}",
                "{\"username\":\"" + uniqueUsername("g") + "\",\"password\":\"" + PASSWORD
                        + "\",\"groups\":\"finance\"}",
                "{\"username\":\"" + uniqueUsername("g") + "\",\"password\":\"short\"}",
                "{\"username\":\"" + taken + "\",\"password\":\"" + PASSWORD + "\"}")) {
            assertProblem(400, admin("POST", "admin/users", body), body);
        }
    }

    @Test
    void disablingEndsEverySessionAtOnceAndTheLoginFailsLikeAWrongPassword() {
        String username = registered("disabled");
        String token = loginToken(username, PASSWORD);
        HttpResponse<String> wrong = http.login(username, "not the password");
        JsonObject disabled = json(admin("POST", user(username) + "/disable", null));
        assertEquals(1, disabled.getInt("revoked"));
        assertEquals(401, http.session(token).statusCode(), "ended at once");
        HttpResponse<String> refused = http.login(username, PASSWORD);
        assertEquals(401, refused.statusCode());
        assertEquals(wrong.body(), refused.body(), "the answer of a wrong password");
        assertTrue(json(admin("GET", user(username), null)).getBoolean("disabled"));

        assertEquals(200, admin("POST", user(username) + "/enable", null).statusCode());
        assertEquals(200, http.login(username, PASSWORD).statusCode());
    }

    @Test
    void enablingClearsTheThrottle() {
        String username = registered("throttled");
        for (int i = 0; i < 7; i++) {
            http.login(username, "wrong " + i);
        }
        assertEquals(429, http.login(username, PASSWORD).statusCode());
        admin("POST", user(username) + "/disable", null);
        admin("POST", user(username) + "/enable", null);
        assertEquals(200, http.login(username, PASSWORD).statusCode());
    }

    @Test
    void loggingAUserOutEndsEverySessionAndSaysHowMany() {
        String username = registered("logout");
        String a = loginToken(username, PASSWORD);
        String b = loginToken(username, PASSWORD);
        JsonObject answer = json(admin("POST", user(username) + "/logout", null));
        assertEquals(2, answer.getInt("revoked"));
        assertEquals(401, http.session(a).statusCode());
        assertEquals(401, http.session(b).statusCode());
    }

    @Test
    void resettingTheSecondFactorRemovesItAndEndsEverySession() {
        String username = registered("reset");
        String token = loginToken(username, PASSWORD);
        String secret = json(http.postJson("mfa/totp", token, "{\"password\":\"" + PASSWORD + "\"}"))
                .getString("secret");
        assertEquals(
                200,
                http.postJson(
                                "mfa/totp/confirm",
                                token,
                                "{\"code\":\"" + new TestAuthenticator(secret).codeAt(http.clock()) + "\"}")
                        .statusCode());
        assertEquals(401, http.login(username, PASSWORD).statusCode(), "needs its code");
        assertTrue(json(admin("GET", user(username), null)).getBoolean("second_factor"));
        assertEquals(
                1,
                json(admin("POST", user(username) + "/second-factor/reset", null))
                        .getInt("revoked"));
        assertEquals(401, http.session(token).statusCode());
        assertEquals(200, http.login(username, PASSWORD).statusCode(), "the password alone again");
    }

    @Test
    void settingAPasswordGoesThroughThePolicyAndEndsEverySession() {
        String username = registered("password");
        String token = loginToken(username, PASSWORD);
        assertProblem(400, admin("POST", user(username) + "/password", "{\"password\":\"short\"}"));
        assertEquals(200, http.session(token).statusCode(), "a refused change ends nothing");
        HttpResponse<String> set =
                admin("POST", user(username) + "/password", "{\"password\":\"a new horse battery\"}");
        assertEquals(1, json(set).getInt("revoked"));
        assertEquals(401, http.session(token).statusCode());
        assertEquals(401, http.login(username, PASSWORD).statusCode());
        assertEquals(200, http.login(username, "a new horse battery").statusCode());
    }

    @Test
    void settingGroupsCountsFromTheNextCheckAndRefusesBadNames() {
        String username = registered("groups");
        String token = loginToken(username, PASSWORD);
        assertEquals(List.of(), strings(json(http.session(token)).getJsonArray("groups")));
        HttpResponse<String> set = admin("PUT", user(username) + "/groups", "[\"staff\",\"finance\",\"staff\"]");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(List.of("finance", "staff"), strings(json(set).getJsonArray("groups")));
        assertEquals(
                "finance,staff",
                http.session(token).headers().firstValue("X-Auth-Groups").orElse(null));
        for (String bad : List.of(
                "[\"Finance\"]",
                "[\"a b\"]",
                "[\"\"]",
                "[\"" + "a".repeat(65) + "\"]",
                "[1]",
                "{\"groups\":[]}",
                "\"x\"")) {
            assertProblem(400, admin("PUT", user(username) + "/groups", bad), bad);
        }
        assertEquals(200, admin("PUT", user(username) + "/groups", "[]").statusCode());
        assertEquals(
                "", http.session(token).headers().firstValue("X-Auth-Groups").orElse(""));
    }

    @Test
    void deletingAUserEndsItAsItsOwnDeletionDoes() {
        String username = registered("deleted");
        String token = loginToken(username, PASSWORD);
        assertEquals(1, json(admin("DELETE", user(username), null)).getInt("revoked"));
        assertEquals(401, http.session(token).statusCode());
        assertEquals(401, http.login(username, PASSWORD).statusCode());
        assertProblem(404, admin("GET", user(username), null));
        assertEquals(201, http.register(username, PASSWORD).statusCode(), "the name is free again");
    }

    // Lockout protection

    @Test
    void theLastEnabledAdministratorCannotBeDisabledDemotedOrDeleted() {
        String self = user(Deployments.ADMIN_USERNAME);
        String other = uniqueUsername("other-admin");
        admin(
                "POST",
                "admin/users",
                "{\"username\":\"" + other + "\",\"password\":\"" + PASSWORD + "\",\"groups\":[\"admin\"]}");
        // With another enabled administrator, one may go: every other one is disabled here, which
        // leaves this one the last (other tests of this class may have made administrators too).
        for (JsonObject account : json(admin("GET", "admin/users?max=100", null))
                .getJsonArray("users")
                .getValuesAs(JsonObject.class)) {
            boolean administrator = strings(account.getJsonArray("groups")).contains("admin");
            String name = account.getString("username");
            if (administrator && !name.equals(Deployments.ADMIN_USERNAME) && !account.getBoolean("disabled")) {
                assertEquals(200, admin("POST", user(name) + "/disable", null).statusCode(), name);
            }
        }
        assertProblem(409, admin("POST", self + "/disable", null));
        assertProblem(409, admin("PUT", self + "/groups", "[\"finance\"]"));
        assertProblem(409, admin("DELETE", self, null));
        assertEquals(200, admin("GET", "admin/users", null).statusCode(), "still an administrator");
        assertEquals(200, admin("POST", user(other) + "/enable", null).statusCode());
        assertEquals(200, admin("PUT", user(other) + "/groups", "[]").statusCode(), "demoting another is fine");
    }

    // The group check at the front end

    @Test
    void aLocationThatRequiresAGroupLetsOnlyItsMembersIn() {
        String member = registered("member");
        String outsider = registered("outsider");
        admin("PUT", user(member) + "/groups", "[\"finance\"]");
        String memberToken = loginToken(member, PASSWORD);
        String outsiderToken = loginToken(outsider, PASSWORD);
        for (String check : List.of("session", "forward-auth", "session/app")) {
            assertEquals(200, bearer(check + "?group=finance", memberToken).statusCode(), check);
            assertEquals(
                    200, bearer(check + "?group=hr&group=finance", memberToken).statusCode(), "any of");
            assertProblem(403, bearer(check + "?group=finance", outsiderToken), check);
            assertProblem(401, bearer(check + "?group=finance", "x".repeat(43)), "401 still means not signed in");
        }
    }

    @Test
    void aBrowserOutsideTheGroupIsSentToTheNoAccessPage() {
        String outsider = registered("browser-outsider");
        String token = loginToken(outsider, PASSWORD);
        HttpResponse<String> nginx = http.send(http.request("session?group=finance&group=hr")
                .header("Cookie", "auth_session=" + token)
                .header("Accept", "text/html")
                .header("X-Original-URL", "https://app1.example.test/reports?year=2026")
                .GET());
        assertEquals(403, nginx.statusCode());
        assertTrue(
                nginx.headers()
                        .firstValue("Location")
                        .orElse("")
                        .endsWith("/portal/no-access?rd=https%3A%2F%2Fapp1.example.test%2Freports%3Fyear%3D2026"
                                + "&group=finance&group=hr"),
                "the page is told where and which groups: " + nginx.headers().map());
        HttpResponse<String> caddy = http.send(http.request("forward-auth?group=finance")
                .header("Cookie", "auth_session=" + token)
                .header("Accept", "text/html")
                .GET());
        assertEquals(302, caddy.statusCode());
        HttpResponse<String> page = http.send(http.request("portal/no-access")
                .header("Cookie", "auth_session=" + token)
                .GET());
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains(outsider) && page.body().contains("id=\"sign-out\""), page.body());
    }

    // Audit

    @Test
    void everyAdminCallIsCounted() {
        String username = registered("counted");
        double before = counter("user.disable");
        admin("POST", user(username) + "/disable", null);
        assertEquals(before + 1, counter("user.disable"));
    }

    private HttpResponse<String> bearer(String path, String token) {
        return http.send(
                http.request(path).header("Authorization", "Bearer " + token).GET());
    }

    private double counter(String action) {
        String metrics = http.send(http.request("metrics").GET()).body();
        return metrics.lines()
                .filter(l -> l.startsWith("auth_admin_actions_total") && l.contains("action=\"" + action + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }
}
