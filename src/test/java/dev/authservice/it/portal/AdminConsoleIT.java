package dev.authservice.it.portal;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.PortalBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin console at the HTTP level: who may open it (an administrator whose session proved a
 * second factor), every form's effect as the admin API has it, the last-administrator rule shown
 * as its refusal, the forged post refused, and every field a person typed shown escaped.
 */
class AdminConsoleIT extends PortalDeployment {

    /** This browser signed in as the deployment's administrator, with its second factor. */
    private void signedInAsAdministrator() {
        browser.setCookie("auth_session", Administrator.token(http));
    }

    private HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = new HashMap<>();
        form.put("csrf", browser.csrfToken());
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return browser.post("portal/admin/" + path, form);
    }

    private HttpResponse<String> userPage(String username) {
        return browser.get("portal/admin/user?name=" + encoded(username));
    }

    @Test
    void aBrowserNotSignedInSignsInFirstAndComesBack() {
        HttpResponse<String> page = browser.get("portal/admin");

        assertEquals(303, page.statusCode());
        assertEquals(URI.create(signInUrlFor(PORTAL + "/portal/admin")), location(page));
    }

    @Test
    void someoneWhoIsNoAdministratorGets403ThatSaysWhy() {
        signedInAccount();
        HttpResponse<String> page = browser.get("portal/admin");

        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Only administrators"), page.body());
        assertEquals(403, browser.get("portal/admin/events").statusCode());
        assertEquals(403, userPage(Deployments.ADMIN_USERNAME).statusCode());
    }

    @Test
    void anAdministratorWhoseSessionProvedNoSecondFactorGets403() {
        String second = uniqueUsername("console-no-mfa");
        HttpResponse<String> created = http.send(http.request("admin/users")
                .header("Authorization", "Bearer " + Administrator.token(http))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("username", second)
                        .add("password", PASSWORD)
                        .add("groups", Json.createArrayBuilder().add("admin"))
                        .build()
                        .toString())));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(303, browser.signIn(second, PASSWORD, null).statusCode());

        HttpResponse<String> page = browser.get("portal/admin");

        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("second factor"), page.body());
        api("PUT", "admin/users/" + encoded(second) + "/groups", "[]");
    }

    @Test
    void everyFormRefusesAPostWithoutTheBrowsersCsrfToken() {
        signedInAsAdministrator();
        String target = registered("forged");
        for (String path : List.of(
                "users",
                "user/disable",
                "user/enable",
                "user/logout",
                "user/second-factor-reset",
                "user/password",
                "user/groups",
                "user/delete")) {
            HttpResponse<String> forged = browser.post(
                    "portal/admin/" + path,
                    Map.of("csrf", "x".repeat(43), "username", target, "password", PASSWORD, "groups", "admin"));
            assertEquals(403, forged.statusCode(), path);
        }
        assertEquals(200, http.login(target, PASSWORD).statusCode(), "nothing happened to the account");
    }

    @Test
    void theListFindsAccountsByNamePrefixAPageAtATime() {
        signedInAsAdministrator();
        String prefix = uniqueUsername("list") + "-";
        for (int i = 0; i < 51; i++) {
            assertEquals(
                    201,
                    http.register(prefix + String.format("%02d", i), PASSWORD).statusCode());
        }

        String first = browser.get("portal/admin?search=" + encoded(prefix)).body();
        assertEquals(50, count(first, "class=\"user-link\""), first);
        assertTrue(first.contains(">" + prefix + "00<"), first);
        assertTrue(first.contains("id=\"next\""), first);
        assertFalse(first.contains("id=\"previous\""), first);

        String second = browser.get("portal/admin?search=" + encoded(prefix) + "&first=50")
                .body();
        assertEquals(1, count(second, "class=\"user-link\""), second);
        assertTrue(second.contains(">" + prefix + "50<"), second);
        assertTrue(second.contains("id=\"previous\""), second);
        assertTrue(browser.get("portal/admin?search=nobody-starts-like-this")
                .body()
                .contains("id=\"no-users\""));
    }

    @Test
    void anAdministratorCreatesAnAccountInGroupsAndSeesItsPage() {
        signedInAsAdministrator();
        String username = uniqueUsername("created");

        HttpResponse<String> created =
                post("users", "username", username, "password", PASSWORD, "groups", "staff, reports");

        assertEquals(303, created.statusCode(), created.body());
        String page = browser.get(location(created).toString().substring(PORTAL.length() + 1))
                .body();
        assertTrue(page.contains("The account is created."), page);
        assertTrue(page.contains("value=\"reports staff\""), page);
        assertEquals(200, http.login(username, PASSWORD).statusCode());

        HttpResponse<String> weak =
                post("users", "username", uniqueUsername("weak"), "password", "short", "groups", "");
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("id=\"create-error\">The password must be at least"), weak.body());
        HttpResponse<String> taken = post("users", "username", username, "password", PASSWORD, "groups", "");
        assertEquals(409, taken.statusCode());
    }

    @Test
    void eachActionOnAnAccountHasItsEffectAndSaysSo() {
        signedInAsAdministrator();
        String username = registered("acted-on");
        String token = HttpClientSupport.token(http.login(username, PASSWORD));

        HttpResponse<String> disabled = post("user/disable", "username", username);
        assertEquals(
                URI.create(PORTAL + "/portal/admin/user?name=" + encoded(username) + "&done=disabled"),
                location(disabled));
        assertEquals(401, http.session(token).statusCode());
        assertEquals(401, http.login(username, PASSWORD).statusCode());
        assertTrue(userPage(username).body().contains("id=\"user-state\">Disabled<"));

        post("user/enable", "username", username);
        token = HttpClientSupport.token(http.login(username, PASSWORD));

        assertEquals(
                303,
                post("user/groups", "username", username, "groups", "finance").statusCode());
        assertTrue(HttpClientSupport.json(http.session(token))
                .getJsonArray("groups")
                .toString()
                .contains("finance"));
        HttpResponse<String> badGroup = post("user/groups", "username", username, "groups", "Not A Group!");
        assertEquals(400, badGroup.statusCode());
        assertTrue(badGroup.body().contains("role=\"alert\" id=\"error\""), badGroup.body());

        post("user/logout", "username", username);
        assertEquals(401, http.session(token).statusCode());

        HttpResponse<String> password = post("user/password", "username", username, "password", "a help desk horse");
        assertEquals(303, password.statusCode());
        assertTrue(userPage(username).body().contains("to be changed at the next sign-in"));
        String fresh = HttpClientSupport.token(http.login(username, "a help desk horse"));
        int check = http.session(fresh).statusCode();
        assertTrue(
                check == 401 || check == 403,
                "a session of a password the help desk set passes no check until its owner changes it: " + check);

        HttpResponse<String> confirm = browser.get("portal/admin/user/delete?name=" + encoded(username));
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("It cannot be undone."), confirm.body());
        HttpResponse<String> deleted = post("user/delete", "username", username);
        assertEquals(URI.create(PORTAL + "/portal/admin?done=deleted"), location(deleted));
        assertEquals(401, http.login(username, "a help desk horse").statusCode());
        assertEquals(404, userPage(username).statusCode());
    }

    @Test
    void theLastAdministratorRulesAreShownAsTheApisRefusals() {
        signedInAsAdministrator();
        // The deployment's administrator is made the last enabled one: other tests may have made more.
        int first = 0;
        boolean more = true;
        while (more) {
            var page = HttpClientSupport.json(api("GET", "admin/users?max=100&first=" + first, null));
            for (var account : page.getJsonArray("users").getValuesAs(jakarta.json.JsonObject.class)) {
                String name = account.getString("username");
                if (account.getJsonArray("groups").toString().contains("\"admin\"")
                        && !name.equals(Deployments.ADMIN_USERNAME)
                        && !account.getBoolean("disabled")) {
                    assertEquals(
                            200,
                            api("POST", "admin/users/" + encoded(name) + "/disable", null)
                                    .statusCode());
                }
            }
            more = page.getBoolean("more");
            first += 100;
        }

        HttpResponse<String> refused = post("user/disable", "username", Deployments.ADMIN_USERNAME);

        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("last enabled administrator"), refused.body());
        assertEquals(
                409,
                post("user/groups", "username", Deployments.ADMIN_USERNAME, "groups", "")
                        .statusCode());
        assertEquals(
                409, post("user/delete", "username", Deployments.ADMIN_USERNAME).statusCode());
    }

    @Test
    void everyFieldAPersonControlsIsShownEscaped() {
        signedInAsAdministrator();
        String hostile = uniqueUsername("x") + "<script>alert(1)</script>";
        assertEquals(201, http.register(hostile, PASSWORD).statusCode());
        http.send(http.request("login")
                .header("Content-Type", "application/json")
                .header("User-Agent", "<img src=x onerror=alert(2)>")
                .POST(HttpRequest.BodyPublishers.ofString(HttpClientSupport.credentials(hostile, PASSWORD))));
        browser.get("portal/login?rd=" + encoded("https://evil.test/<script>alert(3)</script>"));

        String list = browser.get("portal/admin?search=" + encoded(hostile)).body();
        String page = userPage(hostile).body();
        String confirm =
                browser.get("portal/admin/user/delete?name=" + encoded(hostile)).body();
        Poll.until(
                Duration.ofSeconds(10),
                () -> browser.get("portal/admin/events").body().contains("alert(3)"));
        String events = browser.get("portal/admin/events").body();

        for (String html : List.of(list, page, confirm, events)) {
            assertFalse(html.contains("<script>alert"), html);
            assertFalse(html.contains("<img src=x"), html);
        }
        assertTrue(page.contains("&lt;script&gt;alert(1)"), page);
        assertTrue(page.contains("title=\"&lt;img src&#61;x"), page);
        assertTrue(events.contains("alert(3)"), "the refused redirect is listed, escaped: " + events);
    }

    @Test
    void theSecurityEventsSayWhoDidWhatToWhichAccount() {
        signedInAsAdministrator();
        String username = registered("audited");
        post("user/disable", "username", username);
        post("user/enable", "username", username);
        post("user/logout", "username", username);

        assertTrue(
                Poll.until(
                        Duration.ofSeconds(10),
                        () -> browser.get("portal/admin/events?user=" + encoded(username))
                                .body()
                                .contains("admin.user.logout")),
                "the console's own action, within the writer's two seconds");
        String events =
                browser.get("portal/admin/events?user=" + encoded(username)).body();
        assertTrue(
                events.contains("<td data-label=\"Who\" class=\"who\">" + Deployments.ADMIN_USERNAME + "</td>"),
                events);
        assertTrue(events.contains("<td data-label=\"To what\" class=\"target\">" + username + "</td>"), events);
        assertTrue(events.contains(">register<"), "what the account did itself: " + events);
        // The deployment's clock stands still: the same instant, listed in the order it happened, newest first.
        int logout = events.indexOf(">admin.user.logout<");
        int enable = events.indexOf(">admin.user.enable<");
        int disable = events.indexOf(">admin.user.disable<");
        int register = events.indexOf(">register<");
        assertTrue(logout < enable && enable < disable && disable < register, events);
        assertFalse(
                events.contains(
                        ">" + Deployments.ADMIN_USERNAME + "</td><td data-label=\"To what\" class=\"target\"></td>"),
                "only this account's events: " + events);
    }

    private HttpResponse<String> api(String method, String path, String json) {
        return Administrator.call(http, method, path, json);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
