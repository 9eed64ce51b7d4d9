package dev.authservice.it.oidc;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.PortalBrowser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow from the outside: a person signs in through the portal, the client
 * redeems the code, and the tokens say what OpenID Connect Core and the relying parties need.
 */
class CodeFlowIT extends DeployedService {

    static final String PASSWORD = "correct horse battery";

    PortalBrowser browser;
    RelyingParty app;
    String username;
    String issuer;

    @BeforeEach
    void signedUpPersonAndRegisteredClient() {
        URI base = http.base();
        issuer = base.getScheme() + "://localhost:" + base.getPort()
                + base.getRawPath().replaceAll("/$", "");
        browser = new PortalBrowser(http, base.getScheme() + "://" + base.getRawAuthority());
        app = RelyingParty.confidential(http);
        username = uniqueUsername("oidc");
        assertEquals(201, http.register(username, PASSWORD).statusCode());
    }

    private Map<String, String> callbackFor(Map<String, String> extra) {
        return RelyingParty.query(RelyingParty.callback(browser, app.authorizePath(extra), username, PASSWORD));
    }

    private JsonObject tokensFor(Map<String, String> callback) {
        HttpResponse<String> tokens = app.redeem(callback.get("code"));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElse(""));
        return json(tokens);
    }

    @Test
    void discoveryNamesEveryEndpointUnderTheIssuer() {
        HttpResponse<String> answer =
                http.send(http.request(".well-known/openid-configuration").GET());
        assertEquals(200, answer.statusCode());
        JsonObject discovery = json(answer);
        assertEquals(issuer, discovery.getString("issuer"));
        for (String endpoint : List.of(
                "authorization_endpoint",
                "token_endpoint",
                "userinfo_endpoint",
                "jwks_uri",
                "end_session_endpoint",
                "revocation_endpoint")) {
            assertTrue(discovery.getString(endpoint).startsWith(issuer + "/"), endpoint);
        }
        assertEquals(
                "[\"code\"]", discovery.getJsonArray("response_types_supported").toString());
        assertEquals(
                "[\"S256\"]",
                discovery.getJsonArray("code_challenge_methods_supported").toString());
        assertTrue(discovery
                .getJsonArray("token_endpoint_auth_methods_supported")
                .toString()
                .contains("client_secret_post"));
        assertEquals(
                "[\"RS256\",\"ES256\"]",
                discovery.getJsonArray("id_token_signing_alg_values_supported").toString(),
                "RS256 first: the default");
        assertTrue(discovery.getJsonArray("scopes_supported").toString().contains("openid"));
    }

    @Test
    void aSignedInPersonsCodeBecomesTokensThatSayWhoTheyAre() {
        Map<String, String> callback = callbackFor(Map.of("nonce", "n-0S6_WzA2Mj", "state", "af0ifjsldkj"));
        assertEquals("af0ifjsldkj", callback.get("state"));
        assertEquals(issuer, callback.get("iss"));
        JsonObject tokens = tokensFor(callback);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(300, tokens.getInt("expires_in"));

        JWTClaimsSet id = app.verified(tokens.getString("id_token"));
        assertEquals(issuer, id.getIssuer());
        assertEquals(List.of(app.clientId), id.getAudience());
        assertEquals(app.clientId, id.getClaim("azp"));
        assertEquals("n-0S6_WzA2Mj", id.getClaim("nonce"));
        assertEquals(username, id.getClaim("preferred_username"));
        assertNotEquals(username, id.getSubject(), "sub is never the name");
        assertEquals(List.of("pwd"), id.getClaim("amr"));
        assertTrue(id.getClaim("auth_time") instanceof Number);
        assertTrue(id.getClaim("sid") instanceof String);
        assertEquals(atHash(tokens.getString("access_token")), id.getClaim("at_hash"));

        JWTClaimsSet access = app.verified(tokens.getString("access_token"));
        assertEquals("Bearer", access.getClaim("typ"));
        assertEquals(id.getSubject(), access.getSubject());
        assertEquals(username, access.getClaim("upn"));
        assertEquals(List.of(), access.getClaim("roles"));
        assertEquals(app.clientId, access.getClaim("client_id"));
        assertTrue(access.getJWTID() != null);

        HttpResponse<String> userInfo = app.userInfo(tokens.getString("access_token"));
        assertEquals(200, userInfo.statusCode(), userInfo.body());
        assertEquals(id.getSubject(), json(userInfo).getString("sub"));
        assertEquals(username, json(userInfo).getString("preferred_username"));
    }

    @Test
    void theEmailScopeAddsTheAccountsAddressAndWhetherItIsConfirmed() {
        String address = username + "@example.test";
        assertEquals(
                200,
                Administrator.call(http, "PUT", "admin/users/" + username + "/email", "{\"email\":\"" + address + "\"}")
                        .statusCode());
        JsonObject withEmail = tokensFor(callbackFor(Map.of("scope", "openid email")));
        JWTClaimsSet id = app.verified(withEmail.getString("id_token"));
        assertEquals(address, id.getClaim("email"));
        assertEquals(true, id.getClaim("email_verified"));
        JsonObject userInfo = json(app.userInfo(withEmail.getString("access_token")));
        assertEquals(address, userInfo.getString("email"));
        assertTrue(userInfo.getBoolean("email_verified"));

        JsonObject without = tokensFor(callbackFor(Map.of("scope", "openid profile")));
        assertEquals(null, app.verified(without.getString("id_token")).getClaim("email"), "not asked for");
        assertTrue(!json(app.userInfo(without.getString("access_token"))).containsKey("email"));
    }

    @Test
    void aClientSignsWithRs256UnlessItRegisteredEs256() throws Exception {
        JsonObject tokens = tokensFor(callbackFor(Map.of()));
        assertEquals(JWSAlgorithm.RS256, header(tokens.getString("id_token")).getAlgorithm());
        assertEquals(
                JWSAlgorithm.RS256, header(tokens.getString("access_token")).getAlgorithm());

        app = RelyingParty.registerWith(
                http, Map.of("id_token_signed_response_alg", "ES256", "access_token_signed_response_alg", "ES256"));
        JsonObject listed = json(RelyingParty.admin(http, "GET", "admin/clients/" + app.clientId, null));
        assertEquals("ES256", listed.getString("id_token_signed_response_alg"));
        assertEquals("ES256", listed.getString("access_token_signed_response_alg"));
        tokens = tokensFor(callbackFor(Map.of("nonce", "n-ec")));
        HttpResponse<String> refreshed = app.refresh(tokens.getString("refresh_token"));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        for (JsonObject set : List.of(tokens, json(refreshed))) {
            for (String token : List.of(set.getString("id_token"), set.getString("access_token"))) {
                JWSHeader header = header(token);
                assertEquals(JWSAlgorithm.ES256, header.getAlgorithm());
                assertEquals("EC", publishedKey(header.getKeyID()).getString("kty"));
                assertEquals(app.clientId, app.verified(token).getAudience().get(0));
            }
        }
        assertEquals("n-ec", app.verified(tokens.getString("id_token")).getClaim("nonce"));
        String accessToken = json(refreshed).getString("access_token");
        assertEquals(200, app.userInfo(accessToken).statusCode(), "UserInfo reads an ES256 access token");
        assertTrue(json(introspect(accessToken, "s6BhdRkqt3", "gX1fBat3bV")).getBoolean("active"));
    }

    @Test
    void registrationRefusesASigningAlgorithmOtherThanRs256OrEs256() {
        for (String field : List.of("id_token_signed_response_alg", "access_token_signed_response_alg")) {
            for (String alg : List.of("none", "HS256", "RS512", "es256", "")) {
                String metadata = "{\"client_name\":\"x\",\"redirect_uris\":[\"" + RelyingParty.CALLBACK + "\"],\""
                        + field + "\":\"" + alg + "\"}";
                HttpResponse<String> answer = RelyingParty.admin(http, "POST", "admin/clients", metadata);
                assertEquals(400, answer.statusCode(), field + " " + alg);
                assertTrue(answer.body().contains(field), answer.body());
            }
        }
    }

    /**
     * The provider's own claims, unsigned or signed with HS256 keyed by the published RSA key
     * (the algorithm confusion of CVE-2015-9235): neither is a token of this provider.
     */
    @Test
    void anUnsignedTokenOrOneMacedWithThePublicKeyIsRefused() throws Exception {
        String accessToken = tokensFor(callbackFor(Map.of())).getString("access_token");
        SignedJWT real = SignedJWT.parse(accessToken);
        JWTClaimsSet claims = real.getJWTClaimsSet();
        String unsigned = new PlainJWT(claims).serialize();
        assertEquals(401, app.userInfo(unsigned).statusCode());

        String kid = real.getHeader().getKeyID();
        byte[] publicKey = publishedKey(kid).toString().getBytes(StandardCharsets.UTF_8);
        SignedJWT confused = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
        confused.sign(new MACSigner(java.util.Arrays.copyOf(publicKey, Math.max(32, publicKey.length))));
        assertEquals(401, app.userInfo(confused.serialize()).statusCode());
        assertEquals(200, app.userInfo(accessToken).statusCode(), "while the real one counts");
    }

    @Test
    void theClientsOfTheClientsFileAreThereWithTheirSecret() {
        app = RelyingParty.fromFile(http, "file-client", "file-secret");
        assertEquals(200, app.redeem(callbackFor(Map.of()).get("code")).statusCode());
        HttpResponse<String> listed = RelyingParty.admin(http, "GET", "admin/clients/file-public", null);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("none", json(listed).getString("token_endpoint_auth_method"));
        assertFalse(json(listed).containsKey("client_secret"));
    }

    @Test
    void aPersonNotSignedInIsSentToThePortalAndBack() {
        HttpResponse<String> first = browser.get(app.authorizePath(Map.of()));
        assertEquals(303, first.statusCode());
        assertTrue(PortalBrowser.location(first).getRawPath().endsWith("/portal/login"));
        assertTrue(callbackFor(Map.of()).containsKey("code"));
    }

    @Test
    void aDeletedAccountsTokensEndAndANewAccountUnderItsNameIsAnotherSubject() {
        JsonObject before = tokensFor(callbackFor(Map.of()));
        String first = app.verified(before.getString("id_token")).getSubject();
        String token = dev.authservice.it.support.HttpClientSupport.token(http.login(username, PASSWORD));
        HttpResponse<String> deleted = http.send(http.request("account/delete")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"password\":\"" + PASSWORD + "\"}")));
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(
                "invalid_grant",
                json(app.refresh(before.getString("refresh_token"))).getString("error"),
                "a deleted account's refresh token");
        assertEquals(401, app.userInfo(before.getString("access_token")).statusCode());
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        browser = new PortalBrowser(
                http, http.base().getScheme() + "://" + http.base().getRawAuthority());
        String second = app.verified(tokensFor(callbackFor(Map.of())).getString("id_token"))
                .getSubject();
        assertNotEquals(first, second);
    }

    @Test
    void aRefreshTokenIsRotatedAndItsReuseEndsTheFamily() {
        JsonObject first = tokensFor(callbackFor(Map.of()));
        HttpResponse<String> refreshed = app.refresh(first.getString("refresh_token"));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String second = json(refreshed).getString("refresh_token");
        assertNotEquals(first.getString("refresh_token"), second);

        HttpResponse<String> reused = app.refresh(first.getString("refresh_token"));
        assertEquals(400, reused.statusCode());
        assertEquals("invalid_grant", json(reused).getString("error"));
        assertEquals(400, app.refresh(second).statusCode(), "the reuse ended the whole family");
        assertEquals(
                401, app.userInfo(json(refreshed).getString("access_token")).statusCode());
    }

    @Test
    void aCodeRedeemedTwiceRevokesWhatTheFirstRedemptionGot() {
        Map<String, String> callback = callbackFor(Map.of());
        JsonObject tokens = tokensFor(callback);
        HttpResponse<String> again = app.redeem(callback.get("code"));
        assertEquals(400, again.statusCode());
        assertEquals("invalid_grant", json(again).getString("error"));
        assertEquals(400, app.refresh(tokens.getString("refresh_token")).statusCode());
        assertEquals(401, app.userInfo(tokens.getString("access_token")).statusCode());
    }

    @Test
    void aCodeIsRefusedToAnotherClientAndAfterSixtySeconds() {
        RelyingParty other = RelyingParty.confidential(http);
        String code = callbackFor(Map.of()).get("code");
        HttpResponse<String> byOther = other.redeem(code);
        assertEquals("invalid_grant", json(byOther).getString("error"));
        HttpResponse<String> aSecretForAnotherClient = app.token(
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", RelyingParty.CALLBACK),
                app.clientId,
                other.secret);
        assertEquals(401, aSecretForAnotherClient.statusCode());
        assertEquals("invalid_client", json(aSecretForAnotherClient).getString("error"));

        String late = callbackFor(Map.of()).get("code");
        http.advanceClock(Duration.ofSeconds(61));
        assertEquals("invalid_grant", json(app.redeem(late)).getString("error"));
    }

    @Test
    void pkceIsCheckedWheneverAChallengeWasSent() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        Map<String, String> pkce =
                Map.of("code_challenge", RelyingParty.s256(verifier), "code_challenge_method", "S256");
        String code = callbackFor(pkce).get("code");
        HttpResponse<String> missing = app.token(
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", RelyingParty.CALLBACK));
        assertEquals("invalid_grant", json(missing).getString("error"));

        String another = callbackFor(pkce).get("code");
        HttpResponse<String> wrong = app.token(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                another,
                "redirect_uri",
                RelyingParty.CALLBACK,
                "code_verifier",
                verifier.replace('d', 'e')));
        assertEquals("invalid_grant", json(wrong).getString("error"));

        String third = callbackFor(pkce).get("code");
        HttpResponse<String> right = app.token(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                third,
                "redirect_uri",
                RelyingParty.CALLBACK,
                "code_verifier",
                verifier));
        assertEquals(200, right.statusCode(), right.body());
    }

    @Test
    void plainPkceAndAPublicClientWithoutPkceAreRefused() {
        Map<String, String> plain =
                callbackFor(Map.of("code_challenge", "x".repeat(43), "code_challenge_method", "plain"));
        assertEquals("invalid_request", plain.get("error"));
        assertNull(plain.get("code"));

        app = RelyingParty.register(http, "none", List.of());
        Map<String, String> withoutPkce = callbackFor(Map.of());
        assertEquals("invalid_request", withoutPkce.get("error"));
        String verifier = "x".repeat(20) + "y".repeat(30);
        String code = callbackFor(
                        Map.of("code_challenge", RelyingParty.s256(verifier), "code_challenge_method", "S256"))
                .get("code");
        HttpResponse<String> tokens = app.token(
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        RelyingParty.CALLBACK,
                        "code_verifier",
                        verifier),
                app.clientId,
                null);
        assertEquals(200, tokens.statusCode(), tokens.body());
    }

    @Test
    void aRedirectUriNotRegisteredExactlyGetsAPageNeverARedirect() {
        browser.signIn(username, PASSWORD, null);
        for (String variant : List.of(
                "https://app.example.test@evil.example/callback",
                "https://app.example.test/x/..;/callback",
                "https://APP.example.test/callback",
                "https://app.example.test/Callback",
                "https://app.example.test/callback#frag",
                "https://app.example.test/callback?extra=1",
                "https://app.example.test/callback/")) {
            HttpResponse<String> answer = browser.get(app.authorizePath(Map.of("redirect_uri", variant)));
            assertEquals(400, answer.statusCode(), variant);
            assertFalse(answer.headers().firstValue("Location").isPresent(), variant);
            HttpResponse<String> silent =
                    browser.get(app.authorizePath(Map.of("redirect_uri", variant, "prompt", "none")));
            assertEquals(400, silent.statusCode(), "prompt=none too: " + variant);
        }
    }

    @Test
    void registrationRefusesRedirectUrisThatCannotBeMatchedExactlyOrSafely() {
        for (String uri : List.of(
                "javascript:alert(1)",
                "data:text/html,hi",
                "https://app.example.test/cb#x",
                "https://*.example.test/cb",
                "https://user@app.example.test/cb",
                "http://app.example.test/cb",
                "https://app.example.test/a/../cb",
                "/relative")) {
            String metadata = "{\"client_name\":\"x\",\"redirect_uris\":[\"" + uri + "\"]}";
            HttpResponse<String> answer = RelyingParty.admin(http, "POST", "admin/clients", metadata);
            assertEquals(400, answer.statusCode(), uri);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }

    @Test
    void promptNoneWhileSignedOutAnswersLoginRequiredAtTheRegisteredUri() {
        HttpResponse<String> answer = browser.get(app.authorizePath(Map.of("prompt", "none", "state", "s1")));
        assertEquals(303, answer.statusCode());
        URI location = PortalBrowser.location(answer);
        assertTrue(location.toString().startsWith(RelyingParty.CALLBACK + "?"));
        assertEquals("login_required", RelyingParty.query(location).get("error"));
        assertEquals("s1", RelyingParty.query(location).get("state"));
    }

    @Test
    void aDisabledPersonsCodeAndRefreshTokenAreRefused() {
        JsonObject tokens = tokensFor(callbackFor(Map.of()));
        String code = callbackFor(Map.of()).get("code");
        HttpResponse<String> disabled = RelyingParty.admin(http, "POST", "admin/users/" + username + "/disable", null);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals("invalid_grant", json(app.redeem(code)).getString("error"));
        assertEquals(
                "invalid_grant",
                json(app.refresh(tokens.getString("refresh_token"))).getString("error"));
        assertEquals(401, app.userInfo(tokens.getString("access_token")).statusCode());
    }

    @Test
    void aClientOfAGroupShowsOthersTheNoAccessPage() {
        app = RelyingParty.register(http, "client_secret_post", List.of("finance"));
        browser.signIn(username, PASSWORD, null);
        HttpResponse<String> answer = browser.get(app.authorizePath(Map.of()));
        assertEquals(403, answer.statusCode());
        assertTrue(answer.body().contains(app.registration.getString("client_name")), answer.body());
        HttpResponse<String> silent = browser.get(app.authorizePath(Map.of("prompt", "none")));
        assertEquals(
                "access_denied",
                RelyingParty.query(PortalBrowser.location(silent)).get("error"));
    }

    @Test
    void signingOutAtTheApplicationEndsThePortalSessionAndTheRefreshTokens() {
        JsonObject tokens = tokensFor(callbackFor(Map.of()));
        String cookie = browser.cookie("auth_session");
        assertEquals(200, sessionOfCookie(cookie).statusCode());

        HttpResponse<String> unregistered = browser.get("oauth2/logout?id_token_hint=" + tokens.getString("id_token")
                + "&post_logout_redirect_uri=" + RelyingParty.enc("https://evil.example/"));
        assertEquals(400, unregistered.statusCode());
        assertEquals(200, sessionOfCookie(cookie).statusCode(), "a refused request ends nothing");

        HttpResponse<String> logout = browser.get("oauth2/logout?id_token_hint=" + tokens.getString("id_token")
                + "&post_logout_redirect_uri=" + RelyingParty.enc(RelyingParty.SIGNED_OUT) + "&state=bye");
        assertEquals(303, logout.statusCode());
        assertEquals(URI.create(RelyingParty.SIGNED_OUT + "?state=bye"), PortalBrowser.location(logout));
        assertEquals(401, sessionOfCookie(cookie).statusCode());
        assertEquals(
                "invalid_grant",
                json(app.refresh(tokens.getString("refresh_token"))).getString("error"));
    }

    @Test
    void signingOutInThePortalEndsTheRefreshTokens() {
        JsonObject tokens = tokensFor(callbackFor(Map.of()));
        HttpResponse<String> signOut = browser.post("portal/logout", Map.of("csrf", browser.csrfToken()));
        assertEquals(303, signOut.statusCode());
        assertEquals(
                "invalid_grant",
                json(app.refresh(tokens.getString("refresh_token"))).getString("error"));
    }

    @Test
    void revokingARefreshTokenEndsItsGrant() {
        JsonObject tokens = tokensFor(callbackFor(Map.of()));
        HttpResponse<String> revoked = http.send(http.request("oauth2/revoke")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (app.clientId + ":" + app.secret).getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + tokens.getString("refresh_token"))));
        assertEquals(200, revoked.statusCode());
        assertEquals(
                "invalid_grant",
                json(app.refresh(tokens.getString("refresh_token"))).getString("error"));
        assertEquals(401, app.userInfo(tokens.getString("access_token")).statusCode());
    }

    @Test
    void introspectionAnswersForAnAccessTokenToItsClientAndToGatewaysUntilItsGrantEnds() {
        JsonObject tokens = tokensFor(callbackFor(Map.of()));
        String accessToken = tokens.getString("access_token");
        JsonObject byGateway = json(introspect(accessToken, "s6BhdRkqt3", "gX1fBat3bV"));
        assertTrue(byGateway.getBoolean("active"), byGateway.toString());
        assertEquals(username, byGateway.getString("username"));
        assertEquals(app.clientId, byGateway.getString("client_id"));
        assertNotEquals(username, byGateway.getString("sub"));
        assertTrue(json(introspect(accessToken, app.clientId, app.secret)).getBoolean("active"));

        RelyingParty other = RelyingParty.confidential(http);
        assertEquals(
                "{\"active\":false}",
                introspect(accessToken, other.clientId, other.secret).body());
        String sessionToken = dev.authservice.it.support.HttpClientSupport.token(http.login(username, PASSWORD));
        assertEquals(
                "{\"active\":false}",
                introspect(sessionToken, app.clientId, app.secret).body(),
                "an OpenID client sees no session token");
        assertEquals(401, introspect(accessToken, app.clientId, "wrong").statusCode());

        assertEquals(
                200,
                http.send(http.request("oauth2/revoke")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Authorization", basic(app.clientId, app.secret))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + accessToken)))
                        .statusCode());
        assertEquals(
                "{\"active\":false}",
                introspect(accessToken, "s6BhdRkqt3", "gX1fBat3bV").body());
    }

    private HttpResponse<String> introspect(String token, String clientId, String secret) {
        return http.send(http.request("introspect")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(clientId, secret))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + token)));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIdTokenHintOfAnotherIssuerIsRefused() {
        JsonObject tokens = tokensFor(callbackFor(Map.of()));
        String[] parts = tokens.getString("id_token").split("\\.");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace(issuer, "https://evil.example")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        HttpResponse<String> answer = browser.get(app.authorizePath(Map.of("prompt", "none", "id_token_hint", forged)));
        assertEquals(
                "invalid_request",
                RelyingParty.query(PortalBrowser.location(answer)).get("error"));
        HttpResponse<String> logout = browser.get("oauth2/logout?id_token_hint=" + forged);
        assertEquals(400, logout.statusCode());
    }

    @Test
    void aRotatedKeySignsAndTheOldOneStaysPublishedUntilItsTokensHaveExpired() throws Exception {
        JsonObject before = tokensFor(callbackFor(Map.of()));
        String oldKid = com.nimbusds.jwt.SignedJWT.parse(before.getString("id_token"))
                .getHeader()
                .getKeyID();
        String oldEcKid = kids("ES256").get(0);
        HttpResponse<String> rotated = RelyingParty.admin(http, "POST", "admin/signing-keys/rotate", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newKid = json(rotated).getString("signing");
        assertNotEquals(oldKid, newKid);
        assertEquals(newKid, json(rotated).getJsonObject("signing_keys").getString("RS256"));
        String newEcKid = json(rotated).getJsonObject("signing_keys").getString("ES256");
        assertEquals(List.of(newKid, oldKid), kids("RS256"));
        assertEquals(List.of(newEcKid, oldEcKid), kids("ES256"), "the EC key rotates with the RSA key");

        JsonObject after = tokensFor(callbackFor(Map.of()));
        assertEquals(
                newKid,
                com.nimbusds.jwt.SignedJWT.parse(after.getString("id_token"))
                        .getHeader()
                        .getKeyID());
        assertEquals(
                200, app.userInfo(before.getString("access_token")).statusCode(), "the old key's tokens still count");

        // Its last tokens' lifetime (5 minutes), the instances' reload (1), a minute of skew.
        http.advanceClock(Duration.ofMinutes(7).plusSeconds(5));
        assertEquals(List.of(newKid), kids("RS256"));
        assertEquals(List.of(newEcKid), kids("ES256"));
    }

    /** The published keys' ids, newest generation first, of the keys for {@code alg}. */
    private List<String> kids(String alg) {
        return keySet().stream()
                .filter(key -> key.getString("alg").equals(alg))
                .map(key -> key.getString("kid"))
                .toList();
    }

    private List<JsonObject> keySet() {
        return json(http.send(http.request("oauth2/jwks").GET()))
                .getJsonArray("keys")
                .getValuesAs(JsonObject.class);
    }

    private JsonObject publishedKey(String kid) {
        return keySet().stream()
                .filter(key -> key.getString("kid").equals(kid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not published: " + kid));
    }

    private static JWSHeader header(String jwt) throws java.text.ParseException {
        return SignedJWT.parse(jwt).getHeader();
    }

    private HttpResponse<String> sessionOfCookie(String token) {
        return http.send(http.request("session")
                .header("Cookie", "auth_session=" + token)
                .GET());
    }

    private static String atHash(String accessToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
