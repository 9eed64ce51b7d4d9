package dev.authservice.oidc.boundary;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authservice.clients.control.Clients;
import dev.authservice.clients.entity.RegisteredClient;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.keys.control.SigningKeys;
import dev.authservice.oidc.control.Authorization;
import dev.authservice.oidc.control.AuthorizationCodes;
import dev.authservice.oidc.control.AuthorizationRequest;
import dev.authservice.oidc.control.ClientCredentials;
import dev.authservice.oidc.control.OAuthError;
import dev.authservice.oidc.control.OidcSettings;
import dev.authservice.oidc.control.SignOut;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facade of the OpenID provider (docs/oidc.md), the door for relying parties as AuthBean is
 * for authentication: discovery and keys, the authorization code flow with PKCE, the token
 * endpoint's two grants, UserInfo, revocation and RP-initiated logout. One container-managed
 * transaction per use case. The SSO session is the portal's: the provider signs people in through
 * it, and every token lives no longer than the portal session it came from.
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
            "groups");

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

    @Inject
    Clock clock;

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
                .add("id_token_signing_alg_values_supported", array(List.of("RS256")))
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

    /**
     * An authorization request from a browser whose portal session is {@code browser} (if any):
     * approved with a code, refused, or sent to sign in first.
     */
    public Authorization authorize(AuthorizationRequest request, Optional<SessionToken> browser, String issuer) {
        Optional<RegisteredClient> found = clients.find(request.clientId());
        if (found.isEmpty()) {
            return new Authorization.Refused("This application is not registered here: its client_id is unknown.");
        }
        RegisteredClient client = found.get();
        String redirectUri = request.redirectUri();
        if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            return new Authorization.Refused(
                    "This application asked to be answered at an address it has not registered (redirect_uri).");
        }
        Optional<OAuthError> problem = request.problem(client.isPublic());
        if (problem.isPresent()) {
            return failed(request, problem.get().error(), problem.get().description());
        }
        SignedInSession session;
        try {
            session = browser.isPresent() ? sessions.signedIn(browser.get()) : null;
        } catch (Refusal refused) {
            if (refused.reason() == Refusal.Reason.FORBIDDEN && !request.promptNone()) {
                return new Authorization.PasswordChangeDue();
            }
            session = null;
        }
        Optional<JWTClaimsSet> hint = Optional.empty();
        if (request.idTokenHint() != null) {
            hint = tokens.verifiedIdTokenHint(request.idTokenHint(), issuer);
            if (hint.isEmpty()) {
                return failed(request, "invalid_request", "id_token_hint is not an ID token of this provider.");
            }
        }
        boolean signInNeeded = session == null || !freshEnough(request, session) || !sameSubject(hint, session);
        if (signInNeeded) {
            if (request.promptNone()) {
                return failed(request, "login_required", "The person must sign in.");
            }
            boolean fresh = session != null;
            return new Authorization.SignInNeeded(
                    fresh,
                    request.loginHint(),
                    request.returnQuery(clock.instant().getEpochSecond()));
        }
        if (!session.inAnyOf(client.allowedGroups())) {
            if (request.promptNone()) {
                return failed(request, "access_denied", "This account may not use this application.");
            }
            return new Authorization.NoAccess(session.username(), client.clientName());
        }
        SessionToken code = codes.issue(
                client.clientId(), redirectUri, session, request.scope(), request.nonce(), request.codeChallenge());
        return new Authorization.Approved(
                redirectUri, code.value(), request.state(), issuer, request.formPost(), client.clientName());
    }

    /** The sign-in is recent enough for prompt=login (after the fresh sign-in it asked for) and max_age. */
    private boolean freshEnough(AuthorizationRequest request, SignedInSession session) {
        long authTime = session.authTime().getEpochSecond();
        Optional<Long> after = request.loginAfter();
        if (after.isPresent() && authTime < after.get()) {
            return false;
        }
        if (request.promptLogin() && after.isEmpty()) {
            return false;
        }
        Optional<Long> maxAge = request.maxAge();
        return maxAge.isEmpty() || after.isPresent() || clock.instant().getEpochSecond() - authTime <= maxAge.get();
    }

    private boolean sameSubject(Optional<JWTClaimsSet> hint, SignedInSession session) {
        if (hint.isEmpty()) {
            return true;
        }
        return subjects.ofEnabled(session.username())
                .map(subject -> subject.equals(hint.get().getSubject()))
                .orElse(false);
    }

    private static Authorization.Failed failed(AuthorizationRequest request, String error, String description) {
        return new Authorization.Failed(request.redirectUri(), error, description, request.state(), request.formPost());
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
                subject, session.username(), session.groups(), session.sessionId(), session.authTime(), session.amr());
        String accessToken = tokens.accessToken(issuer, client.clientId(), person, scope, family);
        String idToken = tokens.idToken(issuer, client.clientId(), person, nonce, accessToken);
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
        return JsonFactories.object()
                .add("sub", claims.getSubject())
                .add("preferred_username", session.username())
                .add("groups", groups)
                .build();
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

    /**
     * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): with an ID token of ours as
     * the hint, its portal session ends at once, and the browser's own if it is the same
     * person's; the browser then goes to the client's registered post-logout URI, if it named one.
     * Without a hint, the person confirms first.
     */
    public SignOut logout(
            String idTokenHint,
            String clientId,
            String postLogoutRedirectUri,
            String state,
            Optional<SessionToken> browser,
            boolean confirmed,
            String issuer) {
        Optional<JWTClaimsSet> hint = Optional.empty();
        if (idTokenHint != null && !idTokenHint.isEmpty()) {
            hint = tokens.verifiedIdTokenHint(idTokenHint, issuer);
            if (hint.isEmpty()) {
                return new SignOut.Refused("The sign-out request carried an ID token this service did not issue.");
            }
        }
        String client = clientId;
        if (hint.isPresent()) {
            List<String> audience = hint.get().getAudience();
            if (client != null && !audience.contains(client)) {
                return new SignOut.Refused("The sign-out request's client_id does not match its ID token.");
            }
            client = audience.isEmpty() ? null : audience.get(0);
        }
        String redirect = null;
        if (postLogoutRedirectUri != null && !postLogoutRedirectUri.isEmpty()) {
            Optional<RegisteredClient> registered = clients.find(client);
            if (registered.isEmpty()
                    || !registered.get().postLogoutRedirectUris().contains(postLogoutRedirectUri)) {
                return new SignOut.Refused(
                        "The application asked to be returned to an address it has not registered for sign-out.");
            }
            redirect = state == null || state.isEmpty()
                    ? postLogoutRedirectUri
                    : postLogoutRedirectUri + (postLogoutRedirectUri.contains("?") ? "&" : "?") + "state="
                            + URLEncoder.encode(state, StandardCharsets.UTF_8);
        }
        Optional<SignedInSession> current = browser.flatMap(this::signedInOrEmpty);
        if (hint.isEmpty() && !confirmed) {
            return current.isPresent()
                    ? new SignOut.ConfirmationNeeded(current.get().username())
                    : new SignOut.Done(redirect);
        }
        if (hint.isPresent()) {
            String sessionId = (String) hint.get().getClaim("sid");
            if (sessionId != null) {
                sessions.revokeById(sessionId);
            }
            String subject = hint.get().getSubject();
            current.filter(s -> subjects.ofEnabled(s.username())
                            .map(subject::equals)
                            .orElse(true))
                    .ifPresent(s -> sessions.revokeById(s.sessionId()));
        } else {
            current.ifPresent(s -> sessions.revokeById(s.sessionId()));
        }
        return new SignOut.Done(redirect);
    }

    private Optional<SignedInSession> signedInOrEmpty(SessionToken token) {
        try {
            return Optional.of(sessions.signedIn(token));
        } catch (Refusal notLive) {
            return Optional.empty();
        }
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
