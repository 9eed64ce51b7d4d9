package dev.authservice.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The page a front end sends a signed-in person to when their account is in none of the groups a
 * location needs: it names the application and the groups, and offers a way on.
 */
class NoAccessPageIT extends PortalDeployment {

    @Test
    void itNamesTheApplicationAndTheGroupsAndLinksToTheAccount() {
        browser.signIn(registered("outsider"), PASSWORD, null);
        HttpResponse<String> page = browser.get("portal/no-access?rd=" + encoded(REPORTS) + "&group=finance&group=hr");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("<strong id=\"application\">app1.example.test</strong>"), page.body());
        assertTrue(page.body().contains("<strong>finance, hr</strong>"), page.body());
        assertTrue(page.body().contains("href=\"" + PORTAL + "/portal/account\""), "a way on: " + page.body());
        assertTrue(page.body().contains("id=\"sign-out\""), page.body());
    }

    @Test
    void anAddressItMayNotSendBrowsersToAndNamesThatAreNoGroupsAreNotShown() {
        browser.signIn(registered("outsider-2"), PASSWORD, null);
        HttpResponse<String> page = browser.get("portal/no-access?rd=" + encoded("https://evil.com/") + "&group="
                + encoded("<script>alert(1)</script>") + "&group=" + encoded("a b"));
        assertEquals(403, page.statusCode());
        assertFalse(page.body().contains("evil.com"), page.body());
        assertFalse(page.body().contains("<script>alert"), page.body());
        assertFalse(page.body().contains("id=\"groups\""), "no group named: " + page.body());
        assertTrue(page.body().contains("that page"), page.body());
    }
}
