package dev.authservice.it.portal;

import static dev.authservice.it.support.PortalBrowser.setCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sign-in page: HTML with labelled fields, its headers, and its CSRF cookie. */
class SignInPageIT extends PortalDeployment {

    @Test
    void theSignInPageIsHtmlWithLabelledFieldsAndOnlyThePortalsOwnScript() {
        HttpResponse<String> page = browser.get("portal/login");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<html lang=\"en\">"), html);
        assertTrue(html.contains("<label for=\"username\">") && html.contains("id=\"username\""), html);
        assertTrue(html.contains("<label for=\"password\">") && html.contains("type=\"password\""), html);
        assertTrue(html.contains("<form method=\"post\" action=\"" + PORTAL + "/portal/login\">"), html);
        String passkeyScript = "<script src=\"" + PORTAL + "/portal/passkeys.js\"></script>";
        assertTrue(html.contains(passkeyScript), "the passkey button's script, from the portal: " + html);
        // The deployment's logo (auth.portal.logo-url) is a path on the portal itself.
        String logo = "<img class=\"logo\" src=\"" + LOGO + "\" alt=\"" + TITLE + "\">";
        assertTrue(html.contains(logo), html);
        String withoutThem = html.replace(passkeyScript, "").replace(logo, "");
        assertFalse(withoutThem.contains("<script"), "no inline script: " + html);
        assertFalse(withoutThem.contains("src="), "no other image or script of any origin: " + html);
        assertFalse(html.replace(PORTAL + "/", "").contains("://"), "no URL of another origin: " + html);
    }

    @Test
    void everyPortalAnswerForbidsFramingInlineScriptAndCaching() {
        for (HttpResponse<String> answer : List.of(
                browser.get("portal/login"),
                browser.get("portal/logout"),
                browser.post("portal/login", Map.of()),
                browser.get("portal/account"),
                browser.get("portal/no-access"),
                http.send(http.request("portal/style.css")
                        .header("Accept", "text/css,*/*;q=0.1")
                        .GET()))) {
            String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertTrue(csp.contains("default-src 'none'"), csp);
            assertTrue(csp.contains("script-src 'self';"), "the portal's own script file alone: " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(null));
            assertEquals(
                    "no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        }
    }

    @Test
    void theCsrfCookieIsOnlyThePortalsToSetAndRead() {
        String cookie = setCookie(browser.get("portal/login"), "__Host-auth_csrf");
        assertNotNull(cookie);
        for (String attribute : List.of("; Path=/", "; HttpOnly", "; Secure", "; SameSite=Strict")) {
            assertTrue(cookie.contains(attribute), cookie);
        }
        assertFalse(cookie.contains("Domain="), cookie);
        assertNull(setCookie(browser.get("portal/login"), "__Host-auth_csrf"), "issued once per browser");
    }
}
