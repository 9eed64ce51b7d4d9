package dev.authservice.oidc.boundary;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authservice.clients.control.Clients;
import dev.authservice.clients.entity.RegisteredClient;
import dev.authservice.oidc.control.Authorization;
import dev.authservice.oidc.control.AuthorizationCodes;
import dev.authservice.oidc.control.AuthorizationRequest;
import dev.authservice.oidc.control.OAuthError;
import dev.authservice.oidc.control.SignOut;
import dev.authservice.oidc.control.Subjects;
import dev.authservice.oidc.control.Tokens;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.Sessions;
import dev.authservice.sessions.control.SignedInSession;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The OpenID provider's facade for the browser's side, which the portal's pages call: the
 * authorization request (OpenID Connect Core, section 3.1.2), through the portal's sign-in, and
 * RP-initiated logout. The SSO session is the portal's. One container-managed transaction per
 * use case; {@link OpenIdProvider} is the side of the relying parties' servers.
 */
@Stateless
public class OpenIdSignIns {

    @Inject
    Clients clients;

    @Inject
    Sessions sessions;

    @Inject
    AuthorizationCodes codes;

    @Inject
    Subjects subjects;

    @Inject
    Tokens tokens;

    @Inject
    Clock clock;

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
}
