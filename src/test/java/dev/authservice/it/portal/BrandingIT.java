package dev.authservice.it.portal;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.TestAuthenticator;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** auth.portal.title names the service where people see it: tabs, authenticator apps, passkey prompts. */
class BrandingIT extends PortalDeployment {

    @Test
    void thePortalsTabsCarryTheCompanysName() {
        HttpResponse<String> page = browser.get("portal/login");
        assertTrue(page.body().contains("<title>Sign in · " + TITLE + "</title>"), page.body());
    }

    @Test
    void everyPageShowsTheCompanysLogoFromThePortalsOwnOrigin() {
        for (String path : java.util.List.of("portal/login", "portal/logout", "portal/register")) {
            HttpResponse<String> page = browser.get(path);
            assertTrue(
                    page.body().contains("<img class=\"logo\" src=\"" + LOGO + "\" alt=\"" + TITLE + "\">"),
                    path + ": " + page.body());
            assertTrue(
                    page.headers()
                            .firstValue("Content-Security-Policy")
                            .orElse("")
                            .contains("img-src 'self' data:;"),
                    "the policy stays as strict: the logo is the portal's own");
        }
    }

    @Test
    void theStyleSheetCarriesTheCompanysAccentInPlaceOfTheDefault() {
        String css = check("portal/style.css", "text/css,*/*;q=0.1").body();

        assertTrue(css.contains("background: " + ACCENT + ";"), css);
        assertTrue(css.contains("outline: 3px solid " + ACCENT + ";"), css);
        assertFalse(css.contains("#1f5fbf"), css);
    }

    @Test
    void theAuthenticatorAppListsTheKeyUnderTheCompanysName() {
        String username = uniqueUsername("branded");
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> enrolment = http.postJson(
                "mfa/totp",
                token,
                Json.createObjectBuilder().add("password", PASSWORD).build().toString());
        assertEquals(200, enrolment.statusCode(), enrolment.body());
        String uri = json(enrolment).getString("otpauth_uri");
        assertTrue(uri.startsWith("otpauth://totp/Example%20Corp:" + username + "?"), uri);
        assertTrue(uri.contains("&issuer=Example%20Corp&"), uri);
    }

    @Test
    void thePasskeyPromptShowsTheCompanysName() {
        String token = http.newSession(uniqueUsername("branded-passkey"), PASSWORD);
        TestAuthenticator.Enrolled totp = TestAuthenticator.enrol(http, token, PASSWORD);
        HttpResponse<String> options = http.postJson(
                "webauthn/register/options",
                token,
                Json.createObjectBuilder()
                        .add("password", PASSWORD)
                        .add("otp", totp.recoveryCodes().get(0))
                        .build()
                        .toString());
        assertEquals(200, options.statusCode(), options.body());
        assertEquals(
                TITLE,
                json(options).getJsonObject("publicKey").getJsonObject("rp").getString("name"));
    }
}
