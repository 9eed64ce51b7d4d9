package dev.authservice.portal.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfCheckTest {

    private static final String PORTAL = "https://auth.example.com";
    private final String token = PortalCookies.newCsrfValue();

    @Test
    void theTokenOfThisBrowsersCookieFromThePortalsOriginPasses() {
        assertTrue(CsrfCheck.passes(token, token, PORTAL, "same-origin", PORTAL));
        assertTrue(CsrfCheck.passes(token, token, null, null, PORTAL), "browsers that send neither header");
    }

    @Test
    void aMissingOrDifferentTokenFails() {
        assertFalse(CsrfCheck.passes(token, null, PORTAL, null, PORTAL));
        assertFalse(CsrfCheck.passes(null, token, PORTAL, null, PORTAL));
        assertFalse(CsrfCheck.passes(token, PortalCookies.newCsrfValue(), PORTAL, null, PORTAL));
        assertFalse(CsrfCheck.passes("", "", PORTAL, null, PORTAL));
        assertFalse(CsrfCheck.passes("short", "short", PORTAL, null, PORTAL));
    }

    @Test
    void anotherOriginFailsEvenWithTheRightToken() {
        assertFalse(CsrfCheck.passes(token, token, "https://evil.example.net", null, PORTAL));
        assertFalse(CsrfCheck.passes(token, token, "https://app.example.com", null, PORTAL), "a sibling site");
        assertFalse(CsrfCheck.passes(token, token, "null", null, PORTAL));
        assertFalse(CsrfCheck.passes(token, token, "http://auth.example.com", null, PORTAL), "plain HTTP");
    }

    @Test
    void aCrossSiteRequestFailsWhenTheBrowserSendsNoOrigin() {
        assertFalse(CsrfCheck.passes(token, token, null, "cross-site", PORTAL));
    }
}
