package dev.authservice.it.portal;

import static dev.authservice.it.support.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forward-auth checks as browsers meet them: the sign-in page in Location or a 302, the cookie and the Bearer header. */
class BrowserForwardAuthIT extends PortalDeployment {

    @Test
    void aBrowsersNavigationWithoutASessionGets401WithTheSignInPageInLocation() {
        HttpResponse<String> nginx =
                check("session", "text/html,application/xhtml+xml,*/*;q=0.8", "X-Original-URL", REPORTS);
        assertEquals(401, nginx.statusCode());
        assertEquals(
                signInUrlFor(REPORTS), nginx.headers().firstValue("Location").orElse(null));

        HttpResponse<String> forwarded = check(
                "session/app",
                "text/html",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "app1.example.test",
                "X-Forwarded-Uri",
                "/reports?year=2026");
        assertEquals(401, forwarded.statusCode());
        assertEquals(
                signInUrlFor(REPORTS),
                forwarded.headers().firstValue("Location").orElse(null));
    }

    @Test
    void anApiClientsOrScriptsCheckGetsThePlain401() {
        for (HttpResponse<String> check : List.of(
                check("session", "application/json", "X-Original-URL", REPORTS),
                check("session", "*/*", "X-Original-URL", REPORTS),
                check("session", "text/html", "X-Requested-With", "XMLHttpRequest"),
                check("session", "text/html", "Authorization", "Bearer nonsense"),
                check("session", "text/html", "X-Forwarded-Method", "POST"),
                check("forward-auth", "application/json"),
                check("forward-auth", "text/html", "Authorization", "Bearer nonsense"))) {
            assertEquals(401, check.statusCode(), check.uri().toString());
            assertTrue(
                    check.headers().firstValue("Location").isEmpty(),
                    check.headers().toString());
        }
    }

    @Test
    void forwardAuthSendsABrowserWithoutASessionToSignInWith302() {
        HttpResponse<String> check = check(
                "forward-auth/anything",
                "text/html",
                "X-Forwarded-Method",
                "GET",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "app1.example.test",
                "X-Forwarded-Uri",
                "/reports?year=2026");
        assertEquals(302, check.statusCode());
        assertEquals(
                signInUrlFor(REPORTS), check.headers().firstValue("Location").orElse(null));
    }

    @Test
    void bothChecksAcceptTheCookieAndABearerHeaderWins() {
        String username = registered("cookie");
        browser.signIn(username, PASSWORD, null);
        String token = browser.cookie("auth_session");
        for (String path : List.of("session", "forward-auth", "forward-auth/x")) {
            HttpResponse<String> check = http.send(http.request(path)
                    .header("Cookie", "auth_session=" + token)
                    .header("Accept", "text/html")
                    .GET());
            assertEquals(200, check.statusCode(), path);
            assertEquals(username, check.headers().firstValue("X-Auth-User").orElse(null));
            assertEquals(username, json(check).getString("username"));
        }
        HttpResponse<String> bearerWins = http.send(http.request("session")
                .header("Cookie", "auth_session=" + token)
                .header("Authorization", "Bearer " + "B".repeat(43))
                .GET());
        assertEquals(401, bearerWins.statusCode());
    }
}
