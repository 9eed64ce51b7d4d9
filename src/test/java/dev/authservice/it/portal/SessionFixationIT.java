package dev.authservice.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session fixation: form fields from the body alone, and a new token on every sign-in. */
class SessionFixationIT extends PortalDeployment {

    @Test
    void formFieldsComeFromTheBodyAloneNeverFromTheUrl() {
        String username = registered("url-fields");
        String signIn = "portal/login?csrf=" + encoded(browser.csrfToken()) + "&username=" + encoded(username)
                + "&password=" + encoded(PASSWORD);
        assertEquals(403, browser.post(signIn, Map.of()).statusCode(), "no CSRF token in the body");
        assertNull(browser.cookie("auth_session"), "fields in the URL signed nobody in");

        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode());
        String change = "portal/account/password?csrf=" + encoded(browser.csrfToken()) + "&current_password="
                + encoded(PASSWORD) + "&new_password=" + encoded("another horse battery");
        assertEquals(403, browser.post(change, Map.of()).statusCode());
        assertEquals(200, http.login(username, PASSWORD).statusCode(), "the password is unchanged");
    }

    @Test
    void aFormPostedWithoutTheFormsContentTypeIs415WithAPlainPage() {
        for (String form : List.of(
                "portal/login",
                "portal/login/passkey",
                "portal/login/second-factor",
                "portal/logout",
                "portal/account/password",
                "portal/account/delete")) {
            for (String type : new String[] {null, "text/plain"}) {
                var request = http.request(form);
                if (type != null) {
                    request.header("Content-Type", type);
                }
                HttpResponse<String> refused =
                        http.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=x")));
                assertEquals(415, refused.statusCode(), form + " as " + type + ": " + refused.body());
                assertTrue(
                        refused.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                        form + " as " + type + " answers a plain page");
            }
        }
    }

    @Test
    void aCookieTheBrowserHadBeforeSigningInNeverBecomesTheSession() {
        String attackersToken = HttpClientSupport.token(http.login(registered("attacker"), PASSWORD));
        String victim = registered("victim");
        // Planted by a sibling site under the cookie domain: the attacker's own live session.
        browser.setCookie("auth_session", attackersToken);
        HttpResponse<String> signedIn = browser.signIn(victim, PASSWORD, null);
        assertEquals(303, signedIn.statusCode());
        String issued = browser.cookie("auth_session");
        assertNotEquals(attackersToken, issued);
        assertEquals(
                victim,
                sessionOfCookie(issued).headers().firstValue("X-Auth-User").orElse(null));
    }

    @Test
    void everySignInIssuesANewToken() {
        String username = registered("fresh");
        browser.signIn(username, PASSWORD, null);
        String first = browser.cookie("auth_session");
        PortalBrowser another = new PortalBrowser(http, PORTAL);
        another.signIn(username, PASSWORD, null);
        assertNotEquals(first, another.cookie("auth_session"));
    }
}
