package dev.authservice.oidc.boundary;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authservice.auth.boundary.SessionJson;
import dev.authservice.clients.control.ClientMetadata;
import dev.authservice.clients.control.Clients;
import dev.authservice.clients.entity.RegisteredClient;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.keys.control.SigningKeys;
import dev.authservice.oidc.control.AuthorizationCodes;
import dev.authservice.oidc.control.ClientCredentials;
import dev.authservice.oidc.control.OAuthError;
import dev.authservice.oidc.control.OidcSettings;
import dev.authservice.oidc.control.Subjects;
import dev.authservice.oidc.control.TokenSet;
import dev.authservice.oidc.control.Tokens;
import dev.authservice.oidc.entity.AuthorizationCode;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.Grants;
import dev.authservice.sessions.control.RefreshTokens;
import dev.authservice.sessions.control.Sessions;
import dev.authservice.sessions.control.SignedInSession;
import dev.authservice.sessions.entity.RefreshToken;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facade of the OpenID provider for relying parties' servers (docs/oidc.md): discovery and
 * keys, the token endpoint's two grants, UserInfo and revocation. One container-managed
 * transaction per use case. The browser's side (authorization, logout) is {@link OpenIdSignIns};
 * every token lives no longer than the portal session it came from.
 */
@Stateless
public class OpenIdProvider {

    static final List<String> SCOPES = List.of("openid", "profile", "email", "groups", "offline_access");
    static final List<String> CLAIMS = List.of(
            "iss",
            "sub",
            "aud",
            "azp",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "at_hash",
            "amr",
            "sid",
            "preferred_username",
            "groups",
            "email",
            "email_verified");

    /** One discovery document per issuer; a server has one, or a few behind several names. */
    private static final Map<String, String> DISCOVERY = new ConcurrentHashMap<>();

    @Inject
    SigningKeys keys;

    @Inject
    Clients clients;

    @Inject
    Sessions sessions;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AuthorizationCodes codes;

    @Inject
    Subjects subjects;

    @Inject
    Grants grants;

    @Inject
    Tokens tokens;

    @Inject
    OidcSettings settings;

    /**
     * The JWK set relying parties verify tokens with (RFC 7517), public halves only. From memory
     * after the first call; the first call of all makes the first key.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String keySet() {
        return keys.publishedJson();
    }

    /** The discovery document (OpenID Connect Discovery 1.0, section 3), made once per issuer. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String discovery(String issuer) {
        String made = DISCOVERY.get(issuer);
        if (made == null) {
            made = discoveryDocument(issuer);
            if (DISCOVERY.size() < 16) {
                DISCOVERY.put(issuer, made);
            }
        }
        return made;
    }

    private static String discoveryDocument(String issuer) {
        return JsonFactories.object()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/oauth2/authorize")
                .add("token_endpoint", issuer + "/oauth2/token")
                .add("userinfo_endpoint", issuer + "/oauth2/userinfo")
                .add("jwks_uri", issuer + "/oauth2/jwks")
                .add("end_session_endpoint", issuer + "/oauth2/logout")
                .add("revocation_endpoint", issuer + "/oauth2/revoke")
                .add("introspection_endpoint", issuer + "/introspect")
                .add("response_types_supported", array(List.of("code")))
                .add("response_modes_supported", array(List.of("query", "form_post")))
                .add("grant_types_supported", array(List.of("authorization_code", "refresh_token")))
                .add("subject_types_supported", array(List.of("public")))
                .add("id_token_signing_alg_values_supported", array(ClientMetadata.SIGNING_ALGS))
                .add(
                        "token_endpoint_auth_methods_supported",
                        array(List.of("client_secret_basic", "client_secret_post", "none")))
                .add(
                        "revocation_endpoint_auth_methods_supported",
                        array(List.of("client_secret_basic", "client_secret_post", "none")))
                .add("code_challenge_methods_supported", array(List.of("S256")))
                .add("scopes_supported", array(SCOPES))
                .add("claims_supported", array(CLAIMS))
                .add("prompt_values_supported", array(List.of("none", "login", "consent", "select_account")))
                .add("claims_parameter_supported", false)
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .add("authorization_response_iss_parameter_supported", true)
                .add("frontchannel_logout_supported", false)
                .add("backchannel_logout_supported", false)
                .build()
                .toString();
    }

    /** The token endpoint (RFC 6749, section 3.2): the authorization_code and refresh_token grants. */
    public TokenSet token(Map<String, String> form, ClientCredentials credentials, String issuer) {
        RegisteredClient client = authenticated(credentials);
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            return redeem(client, form, issuer);
        }
        if ("refresh_token".equals(grantType)) {
            return refresh(client, form, issuer);
        }
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required.");
        }
        throw new OAuthError("unsupported_grant_type", "Only authorization_code and refresh_token are offered.", 400);
    }

    private TokenSet redeem(RegisteredClient client, Map<String, String> form, String issuer) {
        SessionToken code = SessionToken.parse(form.get("code"))
                .orElseThrow(() ->
                        OAuthError.invalidGrant("The code is unknown, expired, or was issued to another client."));
        AuthorizationCode stored =
                codes.redeem(code, client.clientId(), form.get("redirect_uri"), form.get("code_verifier"));
        SignedInSession session = liveSession(stored.sessionId(), client);
        return issue(client, session, stored.scope(), stored.family(), stored.nonce(), issuer);
    }

    private TokenSet refresh(RegisteredClient client, Map<String, String> form, String issuer) {
        SessionToken token = SessionToken.parse(form.get("refresh_token"))
                .orElseThrow(() -> OAuthError.invalidGrant("The refresh token is unknown or has ended."));
        RefreshToken used;
        try {
            used = refreshTokens.use(token, client.clientId());
        } catch (Refusal refused) {
            throw OAuthError.invalidGrant("The refresh token is unknown or has ended.");
        }
        String scope = used.scope();
        String asked = form.get("scope");
        if (asked != null) {
            Set<String> granted = new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
            if (!granted.containsAll(Arrays.asList(asked.split(" ")))) {
                throw new OAuthError("invalid_scope", "A refresh may ask for no scope the grant did not have.", 400);
            }
            scope = asked;
        }
        SignedInSession session = liveSession(used.sessionId(), client);
        return issue(client, session, scope, used.family(), null, issuer);
    }

    /** The portal session a grant belongs to, still live, of an enabled account allowed to use the client. */
    private SignedInSession liveSession(String sessionId, RegisteredClient client) {
        SignedInSession session;
        try {
            session = sessions.signedInById(sessionId);
        } catch (Refusal ended) {
            throw OAuthError.invalidGrant("The sign-in this grant came from has ended.");
        }
        if (!session.inAnyOf(client.allowedGroups())) {
            throw OAuthError.invalidGrant("This account may not use this application.");
        }
        return session;
    }

    private TokenSet issue(
            RegisteredClient client,
            SignedInSession session,
            String scope,
            String family,
            String nonce,
            String issuer) {
        String subject = subjects.ofEnabled(session.username())
                .orElseThrow(() -> OAuthError.invalidGrant("The account is disabled or gone."));
        Tokens.Person person = new Tokens.Person(
                        subject,
                        session.username(),
                        session.groups(),
                        session.sessionId(),
                        session.authTime(),
                        session.amr(),
                        session.email(),
                        session.emailVerified())
                .scopedTo(scope);
        String accessToken =
                tokens.accessToken(issuer, client.clientId(), person, scope, family, client.accessTokenAlg());
        String idToken = tokens.idToken(issuer, client.clientId(), person, nonce, accessToken, client.idTokenAlg());
        SessionToken refreshToken =
                refreshTokens.issue(family, session.sessionId(), session.username(), client.clientId(), scope);
        return new TokenSet(
                accessToken, settings.accessTokenLifetime().toSeconds(), idToken, refreshToken.value(), scope);
    }

    /**
     * UserInfo (OpenID Connect Core, section 5.3) for an access token of this issuer whose grant
     * and portal session are both still live: the person's claims as they are now.
     */
    public JsonObject userInfo(String accessToken, String issuer) {
        JWTClaimsSet claims = tokens.verifiedAccessToken(accessToken, issuer)
                .orElseThrow(() -> OAuthError.invalidToken("The access token is not valid."));
        SignedInSession session =
                liveGrant(claims).orElseThrow(() -> OAuthError.invalidToken("The access token has been revoked."));
        JsonArrayBuilder groups = JsonFactories.BUILDERS.createArrayBuilder();
        session.groups().forEach(groups::add);
        JsonObjectBuilder info = JsonFactories.object()
                .add("sub", claims.getSubject())
                .add("preferred_username", session.username())
                .add("groups", groups);
        boolean emailScope = Arrays.asList(
                        String.valueOf(claims.getClaim("scope")).split(" "))
                .contains("email");
        return (emailScope ? SessionJson.withEmail(info, session.email(), session.emailVerified()) : info).build();
    }

    private Optional<SignedInSession> liveGrant(JWTClaimsSet claims) {
        return grants.live((String) claims.getClaim("grant_id"), (String) claims.getClaim("sid"));
    }

    /**
     * RFC 7009: ends the grant of a refresh token or access token the client holds, and answers
     * alike whether it did or not, so that the answer tells nobody what a token was.
     */
    public void revoke(String token, ClientCredentials credentials, String issuer) {
        RegisteredClient client = authenticated(credentials);
        if (token == null || token.isEmpty()) {
            throw OAuthError.invalidRequest("token is required.");
        }
        Optional<String> family = SessionToken.parse(token).flatMap(t -> refreshTokens.familyOf(t, client.clientId()));
        if (family.isEmpty()) {
            family = tokens.verifiedAccessToken(token, issuer)
                    .filter(claims -> claims.getAudience().contains(client.clientId()))
                    .map(claims -> (String) claims.getClaim("grant_id"));
        }
        family.ifPresent(refreshTokens::endFamily);
    }

    private RegisteredClient authenticated(ClientCredentials credentials) {
        if (credentials == null) {
            throw OAuthError.invalidClient();
        }
        return clients.authenticate(credentials.clientId(), credentials.secret(), credentials.method())
                .orElseThrow(OAuthError::invalidClient);
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
