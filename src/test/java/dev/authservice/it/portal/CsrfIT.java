package dev.authservice.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.PortalBrowser;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSRF: every form needs this browser's token and the portal's own origin. */
class CsrfIT extends PortalDeployment {

    @Test
    void aSignInFormWithoutThisBrowsersTokenIsRefused() {
        String username = registered("csrf");
        Map<String, String> credentials = Map.of("username", username, "password", PASSWORD);
        browser.csrfToken();
        assertEquals(403, browser.post("portal/login", credentials).statusCode(), "no token");

        Map<String, String> withOthersToken = new LinkedHashMap<>(credentials);
        withOthersToken.put("csrf", new PortalBrowser(http, PORTAL).csrfToken());
        assertEquals(403, browser.post("portal/login", withOthersToken).statusCode(), "another browser's token");

        PortalBrowser noCookie = new PortalBrowser(http, PORTAL);
        Map<String, String> withoutCookie = new LinkedHashMap<>(credentials);
        withoutCookie.put("csrf", browser.csrfToken());
        assertEquals(403, noCookie.post("portal/login", withoutCookie).statusCode(), "a token without its cookie");
        assertNull(browser.cookie("auth_session"));
        assertNull(noCookie.cookie("auth_session"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example.net",
                "https://app1.example.test",
                "http://auth.example.test",
                "https://auth.example.test.evil.example.net",
                "null"
            })
    void aFormFromAnotherOriginIsRefusedEvenWithTheRightToken(String origin) {
        String username = registered("origin");
        Map<String, String> form = Map.of("csrf", browser.csrfToken(), "username", username, "password", PASSWORD);
        HttpResponse<String> refused = browser.post("portal/login", form, origin);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertNull(browser.cookie("auth_session"));
    }

    @Test
    void aCrossSiteRequestWithoutOriginIsRefused() {
        String username = registered("fetch-site");
        String form =
                PortalBrowser.form(Map.of("csrf", browser.csrfToken(), "username", username, "password", PASSWORD));
        HttpResponse<String> refused = http.send(http.request("portal/login")
                .header("Cookie", "__Host-auth_csrf=" + browser.cookie("__Host-auth_csrf"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(403, refused.statusCode());
    }

    @Test
    void anotherSiteCannotSignTheVisitorOut() {
        browser.signIn(registered("stay"), PASSWORD, null);
        String token = browser.cookie("auth_session");
        assertEquals(403, browser.post("portal/logout", Map.of()).statusCode());
        assertEquals(
                403,
                browser.post("portal/logout", Map.of("csrf", browser.csrfToken()), "https://evil.example.net")
                        .statusCode());
        assertEquals(200, sessionOfCookie(token).statusCode(), "still signed in");
    }
}
