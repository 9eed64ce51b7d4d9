package dev.authservice.it.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A relying party as the tests play it at the HTTP level: registered through the admin API, it
 * builds authorization requests, reads the code off the redirect, and calls the token, UserInfo
 * and revocation endpoints as RFC 6749 and OpenID Connect Core describe them. The real relying
 * parties (Soteria, WildFly's client) are tested in the browser; this one can also misbehave.
 */
public final class RelyingParty {

    public static final String CALLBACK = "https://app.example.test/callback";
    public static final String SIGNED_OUT = "https://app.example.test/signed-out";

    final HttpClientSupport http;
    public final String clientId;
    final String secret;
    final JsonObject registration;

    /** A client of the standard deployment's clients file (DeployedService.CLIENTS_FILE). */
    static RelyingParty fromFile(HttpClientSupport http, String clientId, String secret) {
        return new RelyingParty(
                http,
                Json.createObjectBuilder()
                        .add("client_id", clientId)
                        .add("client_secret", secret)
                        .build());
    }

    private RelyingParty(HttpClientSupport http, JsonObject registration) {
        this.http = http;
        this.registration = registration;
        this.clientId = registration.getString("client_id");
        this.secret = registration.containsKey("client_secret") ? registration.getString("client_secret") : null;
    }

    /** A confidential client (client_secret_basic) with the standard callback and sign-out URIs. */
    static RelyingParty confidential(HttpClientSupport http) {
        return register(http, "client_secret_basic", List.of());
    }

    static RelyingParty register(HttpClientSupport http, String authMethod, List<String> allowedGroups) {
        return register(http, Administrator.token(http), authMethod, allowedGroups);
    }

    /** A client registered by the administrator of {@code adminToken}. */
    public static RelyingParty register(
            HttpClientSupport http, String adminToken, String authMethod, List<String> allowedGroups) {
        HttpResponse<String> registered = http.send(http.request("admin/clients")
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(metadata(authMethod, allowedGroups))));
        assertEquals(201, registered.statusCode(), registered.body());
        return new RelyingParty(http, HttpClientSupport.json(registered));
    }

    /** A confidential client that registered {@code extra} metadata too (for example a signing algorithm). */
    static RelyingParty registerWith(HttpClientSupport http, Map<String, String> extra) {
        JsonObjectBuilder metadata = Json.createObjectBuilder(
                Json.createReader(new java.io.StringReader(metadata("client_secret_basic", List.of())))
                        .readObject());
        extra.forEach(metadata::add);
        HttpResponse<String> registered =
                admin(http, "POST", "admin/clients", metadata.build().toString());
        assertEquals(201, registered.statusCode(), registered.body());
        return new RelyingParty(http, HttpClientSupport.json(registered));
    }

    static String metadata(String authMethod, List<String> allowedGroups) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        allowedGroups.forEach(groups::add);
        return Json.createObjectBuilder()
                .add("client_name", "Reports " + UUID.randomUUID().toString().substring(0, 6))
                .add("redirect_uris", Json.createArrayBuilder().add(CALLBACK))
                .add("post_logout_redirect_uris", Json.createArrayBuilder().add(SIGNED_OUT))
                .add("token_endpoint_auth_method", authMethod)
                .add("allowed_groups", groups)
                .build()
                .toString();
    }

    static HttpResponse<String> admin(HttpClientSupport http, String method, String path, String json) {
        return Administrator.call(http, method, path, json);
    }

    /** The same client, calling the provider through {@code another} (instance). */
    public RelyingParty on(HttpClientSupport another) {
        return new RelyingParty(another, registration);
    }

    /** The authorization request's query: code flow, openid, this client, its callback, and {@code extra}. */
    public String authorizePath(Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", CALLBACK);
        query.put("scope", "openid profile");
        query.put("state", "st-" + UUID.randomUUID());
        query.put("nonce", "n-" + UUID.randomUUID());
        query.putAll(extra);
        query.values().removeIf(v -> v == null);
        return "oauth2/authorize?" + PortalBrowser.form(query);
    }

    /**
     * Follows the browser from the authorization request through sign-in (if needed) to the
     * callback; returns the callback's URI with the code.
     */
    public static URI callback(PortalBrowser browser, String authorizePath, String username, String password) {
        HttpResponse<String> answer = browser.get(authorizePath);
        for (int hops = 0; hops < 6; hops++) {
            if (answer.statusCode() != 303) {
                throw new AssertionError("no redirect: " + answer.statusCode() + " " + answer.body());
            }
            URI location = PortalBrowser.location(answer);
            if (location.toString().startsWith(CALLBACK)) {
                return location;
            }
            String path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
            if (location.getRawPath().endsWith("/portal/login")) {
                String rd = query(location).get("rd");
                answer = browser.signIn(username, password, rd);
            } else {
                answer = browser.get(path);
            }
        }
        throw new AssertionError("too many redirects");
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return values;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    /** POST /oauth2/token with this client's secret by HTTP Basic. */
    HttpResponse<String> token(Map<String, String> form) {
        return token(form, clientId, secret);
    }

    HttpResponse<String> token(Map<String, String> form, String id, String secretToSend) {
        HttpRequest.Builder request =
                http.request("oauth2/token").header("Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> body = new LinkedHashMap<>(form);
        if (secretToSend != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (enc(id) + ":" + enc(secretToSend)).getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("client_id", id);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(PortalBrowser.form(body))));
    }

    public HttpResponse<String> redeem(String code) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK));
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public HttpResponse<String> userInfo(String accessToken) {
        return http.send(http.request("oauth2/userinfo")
                .header("Authorization", "Bearer " + accessToken)
                .GET());
    }

    /** The claims of a JWT, its signature checked against the provider's published keys. */
    public JWTClaimsSet verified(String jwt) {
        try {
            SignedJWT parsed = SignedJWT.parse(jwt);
            JWKSet keys =
                    JWKSet.parse(http.send(http.request("oauth2/jwks").GET()).body());
            JWK key = keys.getKeyByKeyId(parsed.getHeader().getKeyID());
            if (key == null
                    || !parsed.getHeader().getAlgorithm().equals(key.getAlgorithm())
                    || !parsed.verify(
                            key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key))) {
                throw new AssertionError("not signed by a published key: " + jwt);
            }
            return parsed.getJWTClaimsSet();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
