package dev.authservice.it;

import static dev.authservice.it.HttpClientSupport.json;
import static dev.authservice.it.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.PortalBrowser.location;
import static dev.authservice.it.PortalBrowser.setCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portal at the HTTP level: the sign-in page and its cookie, CSRF, redirect targets, the
 * second-factor step, sign-out, the forward-auth checks that send browsers to it, and the account
 * page as a browser without JavaScript uses it (every form a use case of the JSON API, with the
 * same re-authentication; nothing typed or stored shown unescaped). The portal
 * is configured as docs/front-ends.md says for https://auth.example.test with the cookie domain
 * example.test; the tests reach the service directly and read every header.
 */
@ExtendWith(ArquillianExtension.class)
class PortalIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String PORTAL = "https://auth.example.test";
    private static final String ACCOUNT_PAGE = PORTAL + "/portal/account";
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern CODE = Pattern.compile("<li><code>([A-Z2-7-]+)</code></li>");
    private static final String REPORTS = "https://app1.example.test/reports?year=2026";

    @ArquillianResource
    URL base;

    private HttpClientSupport http;
    private PortalBrowser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authService(
                "portal",
                // Registration opened explicitly, as a portal closes it by default: the tests
                // make their people with POST /register.
                Map.of(
                        "auth.portal.url",
                        PORTAL,
                        "auth.cookie.domain",
                        "example.test",
                        "auth.registration.enabled",
                        "true"));
    }

    @BeforeEach
    void newBrowser() {
        http = new HttpClientSupport(base);
        browser = new PortalBrowser(http, PORTAL);
    }

    private String registered(String prefix) {
        String username = uniqueUsername(prefix);
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        return username;
    }

    private HttpResponse<String> check(String path, String accept, String... headers) {
        var request = http.request(path).header("Accept", accept);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET());
    }

    private HttpResponse<String> sessionOfCookie(String token) {
        return http.send(http.request("session")
                .header("Cookie", "auth_session=" + token)
                .GET());
    }

    private static String signInUrlFor(String rd) {
        return PORTAL + "/portal/login?rd=" + URLEncoder.encode(rd, StandardCharsets.UTF_8);
    }

    // The sign-in page

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
        String withoutIt = html.replace(passkeyScript, "");
        assertFalse(withoutIt.contains("<script"), "no inline script: " + html);
        assertFalse(withoutIt.contains("src="), "no image or other script of any origin: " + html);
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

    // Signing in

    @Test
    void signingInSetsTheSessionCookieAndSendsTheBrowserBackToThePageItAskedFor() {
        String username = registered("portal");
        HttpResponse<String> signedIn = browser.signIn(username, PASSWORD, REPORTS);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals(URI.create(REPORTS), location(signedIn));
        String cookie = setCookie(signedIn, "auth_session");
        for (String attribute :
                List.of("; Path=/", "; HttpOnly", "; Secure", "; SameSite=Lax", "; Domain=example.test")) {
            assertTrue(cookie.contains(attribute), cookie);
        }
        assertFalse(cookie.contains("Max-Age") || cookie.contains("Expires"), "ends with the browser: " + cookie);
        HttpResponse<String> check = sessionOfCookie(browser.cookie("auth_session"));
        assertEquals(200, check.statusCode());
        assertEquals(username, check.headers().firstValue("X-Auth-User").orElse(null));
    }

    @Test
    void keepMeSignedInMakesTheCookieLastTheSessionsAbsoluteLifetime() {
        String username = registered("keep");
        Map<String, String> form = new LinkedHashMap<>(
                Map.of("csrf", browser.csrfToken(), "username", username, "password", PASSWORD, "keep", "on"));
        String cookie = setCookie(browser.post("portal/login", form), "auth_session");
        assertTrue(cookie.contains("; Max-Age=43200"), "auth.session.absolute-timeout=PT12H: " + cookie);
    }

    @Test
    void withoutAnAllowedRdTheBrowserLandsOnTheAccountPageThatSaysWhoIsSignedIn() {
        String username = registered("landing");
        HttpResponse<String> signedIn = browser.signIn(username, PASSWORD, null);
        assertEquals(URI.create(ACCOUNT_PAGE), location(signedIn));
        HttpResponse<String> account = browser.get("portal/account");
        assertEquals(200, account.statusCode());
        assertTrue(account.body().contains(">" + username + "<"), account.body());
    }

    @Test
    void aSignedInBrowserIsSentStraightOnFromTheSignInPage() {
        browser.signIn(registered("again"), PASSWORD, null);
        HttpResponse<String> page =
                browser.get("portal/login?rd=" + URLEncoder.encode(REPORTS, StandardCharsets.UTF_8));
        assertEquals(303, page.statusCode());
        assertEquals(URI.create(REPORTS), location(page));
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSamePageAnd401() {
        String username = registered("wrong");
        HttpResponse<String> wrongPassword = browser.signIn(username, "not the password", null);
        HttpResponse<String> unknown = browser.signIn(uniqueUsername("nobody"), PASSWORD, null);
        for (HttpResponse<String> refused : List.of(wrongPassword, unknown)) {
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("Invalid username or password."), refused.body());
            assertNull(setCookie(refused, "auth_session"));
        }
        assertEquals(
                wrongPassword.body().replaceAll("value=\"[^\"]*\"", ""),
                unknown.body().replaceAll("value=\"[^\"]*\"", ""),
                "nothing but the name typed tells them apart");
    }

    @Test
    void whatWasTypedIsShownEscaped() {
        String hostile = "<script>alert(1)</script>\"' onfocus=\"alert(2)";
        HttpResponse<String> refused = browser.signIn(hostile, PASSWORD, null);
        assertEquals(401, refused.statusCode());
        assertFalse(refused.body().contains("<script>"), refused.body());
        assertFalse(refused.body().contains("\" onfocus"), refused.body());
        assertTrue(refused.body().contains("&lt;script&gt;"), refused.body());
    }

    @Test
    void repeatedFailuresAreThrottledWithAPageThatSaysWhenToRetry() {
        String username = registered("throttled");
        HttpResponse<String> last = null;
        for (int i = 0; i < 7; i++) {
            last = browser.signIn(username, "wrong " + i, null);
        }
        assertEquals(429, last.statusCode(), last.body());
        long retryAfter =
                Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(last.body().contains("Try again in " + retryAfter + " seconds"), last.body());
        assertEquals(429, browser.signIn(username, PASSWORD, null).statusCode(), "even with the right password");
    }

    @Test
    void aFormLargerThanTheBodyLimitIs413BeforeItIsRead() {
        HttpResponse<String> refused = browser.post(
                "portal/login",
                Map.of("csrf", browser.csrfToken(), "username", "a".repeat(20_000), "password", PASSWORD));
        assertEquals(413, refused.statusCode(), "auth.request.max-body-bytes=16384");
        assertNull(browser.cookie("auth_session"));
    }

    // Session fixation

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

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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

    // CSRF

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

    // Redirect targets

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

    // The forward-auth checks

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

    // The second factor

    private TestAuthenticator enrolled(String username) {
        TestAuthenticator.Enrolled enrolled =
                TestAuthenticator.enrol(http, HttpClientSupport.token(http.login(username, PASSWORD)), PASSWORD);
        recoveryCode = enrolled.recoveryCodes().get(0);
        // The code just used for confirmation is spent: the next sign-in needs the next step's.
        http.advanceClock(Duration.ofSeconds(30));
        return enrolled.app();
    }

    private String recoveryCode;

    @Test
    void anAccountWithASecondFactorSignsInWithItsCodeOnASecondPage() {
        String username = registered("mfa");
        TestAuthenticator app = enrolled(username);
        HttpResponse<String> password = browser.signIn(username, PASSWORD, REPORTS);
        assertEquals(303, password.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/login/second-factor"), location(password));
        assertNull(setCookie(password, "auth_session"), "a proved password alone is no session");
        String pending = setCookie(password, "__Host-auth_pending");
        assertTrue(pending.contains("; Max-Age=300") && pending.contains("; SameSite=Strict"), pending);

        HttpResponse<String> page = browser.get("portal/login/second-factor");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<label for=\"code\">"), page.body());

        String csrf = browser.csrfToken();
        HttpResponse<String> wrong = browser.post("portal/login/second-factor", Map.of("csrf", csrf, "code", "000000"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("wrong"), wrong.body());
        assertNull(browser.cookie("auth_session"));

        HttpResponse<String> right =
                browser.post("portal/login/second-factor", Map.of("csrf", csrf, "code", app.codeAt(http.clock())));
        assertEquals(303, right.statusCode(), right.body());
        assertEquals(URI.create(REPORTS), location(right));
        assertEquals(
                username,
                sessionOfCookie(browser.cookie("auth_session"))
                        .headers()
                        .firstValue("X-Auth-User")
                        .orElse(null));
        assertNull(browser.cookie("__Host-auth_pending"), "the pending step is over");
    }

    @Test
    void aRecoveryCodeAlsoFinishesTheSignIn() {
        String username = registered("recovery");
        enrolled(username);
        browser.signIn(username, PASSWORD, null);
        HttpResponse<String> done =
                browser.post("portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", recoveryCode));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(URI.create(ACCOUNT_PAGE), location(done));
    }

    @Test
    void thePendingStepIsSingleUseAndBoundToThisBrowser() {
        String username = registered("bound");
        TestAuthenticator app = enrolled(username);
        browser.signIn(username, PASSWORD, null);
        String pending = browser.cookie("__Host-auth_pending");

        PortalBrowser elsewhere = new PortalBrowser(http, PORTAL);
        HttpResponse<String> noPending = elsewhere.post(
                "portal/login/second-factor", Map.of("csrf", elsewhere.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(401, noPending.statusCode(), "another browser has no pending sign-in");
        assertNull(elsewhere.cookie("auth_session"));

        String code = app.codeAt(http.clock());
        assertEquals(
                303,
                browser.post("portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", code))
                        .statusCode());
        browser.setCookie("__Host-auth_pending", pending);
        http.advanceClock(Duration.ofSeconds(30));
        HttpResponse<String> replay = browser.post(
                "portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(401, replay.statusCode());
        assertTrue(replay.body().contains("expired"), replay.body());
    }

    /**
     * A sign-in waiting for its code when the password changes or the user's sessions are ended
     * (by the user or an administrator) cannot finish into a new session: the change ends it too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"password", "logout-all", "admin-password", "admin-logout"})
    void aWaitingSignInEndsWithEveryChangeThatEndsTheUsersSessions(String change) {
        String username = registered("pending-" + change);
        TestAuthenticator app = enrolled(username);
        String own = HttpClientSupport.token(http.postJson(
                "login",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"otp\":\""
                        + app.codeAt(http.clock()) + "\"}"));
        http.advanceClock(Duration.ofSeconds(30));
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode());
        assertNotNull(browser.cookie("__Host-auth_pending"), "the password step waits for its code");

        HttpResponse<String> changed = switch (change) {
            case "password" ->
                http.postJson(
                        "password",
                        own,
                        "{\"current_password\":\"" + PASSWORD
                                + "\",\"new_password\":\"another horse battery\",\"otp\":\"" + app.codeAt(http.clock())
                                + "\"}");
            case "logout-all" -> http.postWithBearer("logout-all", own);
            case "admin-password" ->
                http.postJson(
                        "admin/users/" + username + "/password",
                        Administrator.token(http),
                        "{\"password\":\"another horse battery\"}");
            default -> http.postWithBearer("admin/users/" + username + "/logout", Administrator.token(http));
        };
        assertEquals(200, changed.statusCode(), changed.body());
        http.advanceClock(Duration.ofSeconds(30));

        HttpResponse<String> finish = browser.post(
                "portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(401, finish.statusCode(), change + ": " + finish.body());
        assertNull(browser.cookie("auth_session"), change + " ended the waiting sign-in");
    }

    @Test
    void thePendingStepExpiresAfterFiveMinutes() {
        String username = registered("slow");
        TestAuthenticator app = enrolled(username);
        browser.signIn(username, PASSWORD, null);
        http.advanceClock(Duration.ofMinutes(5));
        HttpResponse<String> late = browser.post(
                "portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(401, late.statusCode());
        assertTrue(late.body().contains("expired"), late.body());
        assertEquals(303, browser.get("portal/login/second-factor").statusCode(), "back to the start");
    }

    @Test
    void wrongCodesAreThrottledLikeLogins() {
        String username = registered("guess");
        enrolled(username);
        browser.signIn(username, PASSWORD, null);
        String csrf = browser.csrfToken();
        HttpResponse<String> last = null;
        for (int i = 0; i < 7; i++) {
            last = browser.post("portal/login/second-factor", Map.of("csrf", csrf, "code", "00000" + i));
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
    }

    // Signing out

    @Test
    void signingOutEndsTheSessionClearsTheCookieAndGoesToAnAllowedRd() {
        String username = registered("bye");
        browser.signIn(username, PASSWORD, null);
        String token = browser.cookie("auth_session");
        HttpResponse<String> page =
                browser.get("portal/logout?rd=" + URLEncoder.encode(REPORTS, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<button type=\"submit\" id=\"sign-out\">"), page.body());
        assertEquals(200, sessionOfCookie(token).statusCode(), "showing the page signs nobody out");

        HttpResponse<String> out = browser.post("portal/logout", Map.of("csrf", browser.csrfToken(), "rd", REPORTS));
        assertEquals(303, out.statusCode());
        assertEquals(URI.create(REPORTS), location(out));
        String cleared = setCookie(out, "auth_session");
        assertTrue(cleared.startsWith("auth_session=;") && cleared.contains("Max-Age=0"), cleared);
        assertTrue(cleared.contains("; Domain=example.test"), "the cookie that was set: " + cleared);
        assertEquals(401, sessionOfCookie(token).statusCode());
    }

    @Test
    void withoutAnAllowedRdSigningOutLandsOnTheSignInPage() {
        browser.signIn(registered("bye-default"), PASSWORD, null);
        HttpResponse<String> out =
                browser.post("portal/logout", Map.of("csrf", browser.csrfToken(), "rd", "https://evil.com/"));
        assertEquals(URI.create(PORTAL + "/portal/login"), location(out));
    }

    @Test
    void theAccountPageSendsABrowserWithoutASessionToSignIn() {
        HttpResponse<String> account = browser.get("portal/account");
        assertEquals(303, account.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/login"), location(account));
    }

    // The account page

    /** Registers an account and signs this browser in as it; returns its name. */
    private String signedInAccount() {
        String username = registered("page");
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode());
        return username;
    }

    private HttpResponse<String> submit(String path, String... fields) {
        Map<String, String> form = new HashMap<>();
        form.put("csrf", browser.csrfToken());
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return browser.post("portal/account/" + path, form);
    }

    @Test
    void thePageSaysWhoIsSignedInAndListsThisBrowsersSession() {
        String username = signedInAccount();
        HttpResponse<String> page = browser.get("portal/account");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"username\">" + username + "<"), page.body());
        assertTrue(page.body().contains("This browser"), page.body());
        assertTrue(page.body().contains("id=\"totp-state\">Off."), page.body());
    }

    @Test
    void withoutASessionTheAccountPageSendsTheBrowserToSignIn() {
        PortalBrowser stranger = new PortalBrowser(http, PORTAL);

        HttpResponse<String> page = stranger.get("portal/account");

        assertEquals(303, page.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/login"), location(page));
    }

    @Test
    void everyFormRefusesAPostWithoutTheBrowsersCsrfToken() {
        String username = signedInAccount();
        for (String path : List.of(
                "password",
                "sessions/sign-out",
                "sessions/sign-out-others",
                "totp",
                "totp/confirm",
                "totp/disable",
                "recovery-codes.txt",
                "passkeys/new",
                "passkeys",
                "passkeys/rename",
                "passkeys/remove",
                "delete")) {
            HttpResponse<String> forged =
                    browser.post("portal/account/" + path, Map.of("csrf", "x".repeat(43), "password", PASSWORD));
            assertEquals(403, forged.statusCode(), path);
        }
        assertEquals(200, http.login(username, PASSWORD).statusCode(), "the account is untouched");
    }

    @Test
    void aWrongCurrentPasswordIsShownBesideTheFormAndChangesNothing() {
        String username = signedInAccount();
        HttpResponse<String> refused =
                submit("password", "current_password", "not my password", "new_password", "a brand new horse");

        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("id=\"password-error\">The current password is wrong.<"), refused.body());
        assertEquals(200, http.login(username, PASSWORD).statusCode());
    }

    @Test
    void thePolicysMessageIsShownBesideTheNewPassword() {
        signedInAccount();
        HttpResponse<String> refused = submit("password", "current_password", PASSWORD, "new_password", "short");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"password-error\">The password must be at least"), refused.body());
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        String username = signedInAccount();
        String other = HttpClientSupport.token(http.login(username, PASSWORD));

        HttpResponse<String> changed =
                submit("password", "current_password", PASSWORD, "new_password", "a brand new horse");

        assertEquals(303, changed.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/account?done=password"), location(changed));
        assertEquals(401, http.session(other).statusCode());
        assertEquals(200, browser.get("portal/account").statusCode());
        assertEquals(200, http.login(username, "a brand new horse").statusCode());
    }

    @Test
    void signingOutEverywhereElseNeedsThePasswordAndEndsOnlyTheOthers() {
        String username = signedInAccount();
        String other = HttpClientSupport.token(http.login(username, PASSWORD));
        assertEquals(
                401,
                submit("sessions/sign-out-others", "password", "wrong password").statusCode());
        assertEquals(200, http.session(other).statusCode());

        HttpResponse<String> done = submit("sessions/sign-out-others", "password", PASSWORD);

        assertEquals(URI.create(PORTAL + "/portal/account?done=sessions"), location(done));
        assertEquals(401, http.session(other).statusCode());
        assertTrue(browser.get("portal/account?done=sessions").body().contains("Every other session has ended."));
    }

    @Test
    void totpIsTurnedOnWithTheKeyShownBesideItsQrCodeAndTheRecoveryCodesSaveAsAFile() {
        String username = signedInAccount();
        HttpResponse<String> enrolment = submit("totp", "password", PASSWORD);
        assertEquals(200, enrolment.statusCode());
        assertTrue(enrolment.body().contains("src=\"data:image/png;base64,"), enrolment.body());
        Matcher secret = SECRET.matcher(enrolment.body());
        assertTrue(secret.find(), enrolment.body());

        HttpResponse<String> confirmed =
                submit("totp/confirm", "code", new TestAuthenticator(secret.group(1)).codeAt(http.clock()));

        assertEquals(200, confirmed.statusCode(), confirmed.body());
        Matcher code = CODE.matcher(confirmed.body());
        StringBuilder codes = new StringBuilder();
        while (code.find()) {
            codes.append(code.group(1)).append('\n');
        }
        assertEquals(10, codes.toString().lines().count());
        HttpResponse<String> file = submit("recovery-codes.txt", "codes", codes.toString());
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(file.body().contains(codes.toString()), file.body());
        assertEquals(401, http.login(username, PASSWORD).statusCode(), "a code is needed now");
    }

    @Test
    void theRecoveryCodeFileWritesNothingButRecoveryCodes() {
        signedInAccount();
        HttpResponse<String> refused = submit("recovery-codes.txt", "codes", "<script>alert(1)</script>");

        assertEquals(400, refused.statusCode());
        assertFalse(refused.body().contains("<script>alert"), refused.body());
    }

    @Test
    void aNoticeIsChosenByKeyAndNeverEchoed() {
        signedInAccount();
        HttpResponse<String> page = browser.get("portal/account?done=%3Cscript%3Ealert(1)%3C/script%3E");

        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("alert(1)"), page.body());
        assertFalse(page.body().contains("id=\"notice\""), page.body());
    }

    @Test
    void aDeviceNameFromTheUserAgentIsShownEscaped() {
        String username = signedInAccount();
        http.send(http.request("login")
                .header("Content-Type", "application/json")
                .header("User-Agent", "<img src=x onerror=alert(1)>")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        HttpClientSupport.credentials(username, PASSWORD))));

        String page = browser.get("portal/account").body();

        assertFalse(page.contains("<img src=x"), page);
        assertTrue(page.contains("&lt;img src"), page);
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndSignsTheBrowserOut() {
        String username = signedInAccount();
        assertEquals(401, submit("delete", "password", "wrong password").statusCode());

        HttpResponse<String> deleted = submit("delete", "password", PASSWORD);

        assertEquals(200, deleted.statusCode());
        assertTrue(deleted.body().contains("Account deleted"), deleted.body());
        assertTrue(PortalBrowser.setCookie(deleted, "auth_session").contains("Max-Age=0"));
        assertEquals(401, http.login(username, PASSWORD).statusCode());
    }
}
