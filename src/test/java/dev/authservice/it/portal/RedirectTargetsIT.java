package dev.authservice.it.portal;

import static dev.authservice.it.support.PortalBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.authservice.it.support.PortalBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a sign-in may send the browser (rd): the allowed domains only, normalised. */
class RedirectTargetsIT extends PortalDeployment {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.com",
                "/\\evil.com",
                "https://example.test.evil.com/",
                "https://evil.com#.example.test",
                "https://user@evil.com",
                "https://app1.example.test@evil.com/",
                "https://app1.example.test%09.evil.com/",
                "https://app1.example.test/%0d%0aSet-Cookie:x=y\r\n",
                "https://\tevil.com",
                "https://evil.com\n.example.test",
                "HtTpS://evil.com",
                "javascript:alert(document.cookie)",
                "JaVaScRiPt:alert(1)//.example.test",
                "http://app1.example.test/",
                "/portal/account",
                "https://evilexample.test/",
            })
    void anRdOutsideTheAllowedDomainsIsIgnoredAndTheBrowserLandsOnTheDefault(String rd) {
        String username = registered("redirect");
        HttpResponse<String> page = browser.get("portal/login?rd=" + URLEncoder.encode(rd, StandardCharsets.UTF_8));
        assertFalse(page.body().contains("name=\"rd\""), "the page does not carry it on: " + page.body());
        HttpResponse<String> signedIn = browser.signIn(username, PASSWORD, rd);
        assertEquals(303, signedIn.statusCode());
        assertEquals(ACCOUNT_PAGE, signedIn.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void anRdOnTheCookieDomainOrUnderItIsFollowedWithMixedCaseNormalised() {
        String username = registered("allowed");
        assertEquals(
                URI.create("https://app2.example.test/a"),
                location(browser.signIn(username, PASSWORD, "HTTPS://App2.Example.TEST/a")));
        PortalBrowser other = new PortalBrowser(http, PORTAL);
        assertEquals(
                URI.create("https://example.test/"),
                location(other.signIn(username, PASSWORD, "https://example.test")));
    }
}
