package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.accounts.control.RegistrationSettings;
import dev.authservice.accounts.entity.GroupName;
import dev.authservice.auth.boundary.AccountRecovery;
import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.control.PortalSignIn;
import dev.authservice.hashing.entity.Password;
import dev.authservice.passkeys.control.PasskeySettings;
import dev.authservice.passkeys.control.RelyingParty;
import dev.authservice.portal.control.PortalCookies;
import dev.authservice.portal.control.PortalPages;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.portal.control.PortalSettings;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.IssuedSession;
import dev.authservice.sessions.control.SessionView;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portal: the pages a person signs in and out with in a browser. Server-rendered, usable
 * without JavaScript (passkeys aside, which need the browser's WebAuthn API); every form carries
 * the browser's CSRF token; every use case is AuthBean's, as for the JSON API.
 */
@Path("portal")
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class PortalResource {

    /** The done key of the sign-in page after a sign-out, and the page itself. */
    static final String SIGNED_OUT = "signed-out";

    static final String SIGNED_OUT_PAGE = "/portal/login?done=" + SIGNED_OUT;

    /** The no-access page names at most this many of the groups a location needs. */
    static final int MAX_GROUPS_NAMED = 10;

    private static final String WRONG_CREDENTIALS = "Invalid username or password.";

    @Inject
    AuthBean auth;

    @Inject
    AccountRecovery recovery;

    @Inject
    Caller caller;

    @Inject
    PortalSettings settings;

    @Inject
    PasskeySettings passkeySettings;

    @Inject
    RegistrationSettings registration;

    @Inject
    PortalCookies cookies;

    @Inject
    BrowserCookies browser;

    @Inject
    PortalPages pages;

    @Inject
    PortalResponses responses;

    @GET
    public Response root() {
        return responses.seeOther(responses.base() + "/portal/account").build();
    }

    @GET
    @Path("style.css")
    @Produces("text/css")
    public Response styleSheet() {
        return responses
                .headers(Response.ok(pages.styleSheet(), "text/css;charset=utf-8"))
                .build();
    }

    /** The passkey buttons' script: the one script of the portal, served from here so that CSP allows it. */
    @GET
    @Path("passkeys.js")
    @Produces("text/javascript")
    public Response passkeyScript() {
        return responses
                .headers(Response.ok(pages.passkeyScript(), "text/javascript;charset=utf-8"))
                .build();
    }

    /** The OpenID provider's script for response_mode=form_post: it posts the page's one form. */
    @GET
    @Path("form-post.js")
    @Produces("text/javascript")
    public Response formPostScript() {
        return responses
                .headers(Response.ok(pages.formPostScript(), "text/javascript;charset=utf-8"))
                .build();
    }

    /**
     * The sign-in page; a browser already signed in goes straight on, unless an OpenID client asked
     * for a fresh sign-in (prompt=login, max_age). login_hint fills in the name.
     */
    @GET
    @Path("login")
    public Response signInPage(
            @QueryParam("rd") String rd,
            @QueryParam("prompt") String prompt,
            @QueryParam("login_hint") String hint,
            @QueryParam("done") String done) {
        Optional<String> target = allowedTarget(rd);
        if (!"login".equals(prompt) && responses.currentSession().isPresent()) {
            return responses
                    .seeOther(target.orElse(settings.defaultRedirect(caller.contextPath())))
                    .build();
        }
        String username = hint == null || hint.length() > 256 ? "" : hint;
        Map<String, Object> values = signInValues(null, username, false, target.orElse(null));
        // A notice chosen by a fixed key, never text from the request.
        if (SIGNED_OUT.equals(done)) {
            values.put("notice", "You have been signed out.");
        }
        return responses.page(200, Page.LOGIN, values);
    }

    @POST
    @CsrfChecked
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("keep") String keep,
            @FormParam("rd") String rd) {
        String target = allowedTarget(rd).orElse(null);
        boolean keepSignedIn = keep != null;
        String typed = username == null ? "" : username;
        PortalSignIn step;
        try {
            step = auth.signIn(
                    new Credentials(typed, Password.of(password == null ? "" : password), null),
                    keepSignedIn,
                    target,
                    caller.client());
        } catch (Refusal refused) {
            return switch (refused.reason()) {
                case THROTTLED, HASHING_BUSY, BUSY -> retryLater(refused);
                default -> signInForm(401, WRONG_CREDENTIALS, typed, keepSignedIn, target);
            };
        }
        if (step.isSignedIn()) {
            return signedIn(step);
        }
        return responses
                .seeOther(responses.base() + "/portal/login/second-factor")
                .header(HttpHeaders.SET_COOKIE, cookies.pending(step.pending()))
                .build();
    }

    /** "Sign in with a passkey": the browser's answer to POST /webauthn/login/options, in a form. */
    @POST
    @CsrfChecked
    @Path("login/passkey")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signInWithPasskey(
            @FormParam("credential") String credential, @FormParam("keep") String keep, @FormParam("rd") String rd) {
        String target = allowedTarget(rd).orElse(null);
        boolean keepSignedIn = keep != null;
        IssuedSession session;
        try {
            session =
                    auth.signInWithPasskey(null, credential == null ? "" : credential, relyingParty(), caller.client());
        } catch (Refusal refused) {
            return switch (refused.reason()) {
                case THROTTLED, HASHING_BUSY, BUSY -> retryLater(refused);
                default ->
                    signInForm(
                            401,
                            "That passkey was not accepted. Try again, or use your password.",
                            "",
                            keepSignedIn,
                            target);
            };
        }
        return signedIn(PortalSignIn.signedIn(session, keepSignedIn, target));
    }

    /** The code step of an account with a second factor; without a pending sign-in, back to the start. */
    @GET
    @Path("login/second-factor")
    public Response secondFactorPage() {
        Optional<SessionToken> pending = pendingToken();
        if (!pendingIsLive(pending)) {
            return restart();
        }
        return secondFactorForm(200, null, pending.get());
    }

    @POST
    @CsrfChecked
    @Path("login/second-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response secondFactor(@FormParam("code") String code) {
        Optional<SessionToken> pending = pendingToken();
        try {
            return signedIn(auth.finishSignIn(
                    pending.orElseThrow(Refusal::signInExpired), code == null ? "" : code, caller.client()));
        } catch (Refusal refused) {
            return secondFactorRefused(refused, pending, "That code is wrong or has been used already.");
        }
    }

    /** The second-factor step answered with a passkey instead of a code. */
    @POST
    @CsrfChecked
    @Path("login/second-factor/passkey")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response secondFactorWithPasskey(@FormParam("credential") String credential) {
        Optional<SessionToken> pending = pendingToken();
        try {
            return signedIn(auth.finishSignInWithPasskey(
                    pending.orElseThrow(Refusal::signInExpired),
                    credential == null ? "" : credential,
                    relyingParty(),
                    caller.client()));
        } catch (Refusal refused) {
            return secondFactorRefused(refused, pending, "That passkey was not accepted. Try again, or enter a code.");
        }
    }

    /** A page with a button: signing out changes state, so it is a form, never a link. */
    @GET
    @Path("logout")
    public Response signOutPage(@QueryParam("rd") String rd) {
        Map<String, Object> values = responses.values("Sign out");
        values.put("action", responses.base() + "/portal/logout");
        responses.currentSession().ifPresent(session -> values.put("username", session.username()));
        allowedTarget(rd).ifPresent(target -> values.put("rd", target));
        return responses.page(200, Page.LOGOUT, values);
    }

    @POST
    @CsrfChecked
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("rd") String rd) {
        responses.sessionToken().ifPresent(token -> {
            try {
                auth.logout(token, caller.client());
            } catch (Refusal alreadyEnded) {
                // Signed out already, or the session expired: the cookie goes all the same.
            }
        });
        return responses
                .seeOther(allowedTarget(rd).orElse(responses.base() + SIGNED_OUT_PAGE))
                .header(HttpHeaders.SET_COOKIE, cookies.clearSession())
                .build();
    }

    /** Where front ends send a signed-in browser whose user is in none of the groups a location requires. */
    @GET
    @Path("no-access")
    public Response noAccess(@QueryParam("rd") String rd, @QueryParam("group") List<String> groups) {
        Optional<SessionView> session = responses.currentSession();
        if (session.isEmpty()) {
            return responses.seeOther(responses.base() + "/portal/login").build();
        }
        Map<String, Object> values = responses.values("No access");
        values.put("username", session.get().username());
        // Named only when allowed: the host of an address the portal may send browsers to, and
        // names that can be groups' (the page escapes them all the same).
        allowedTarget(rd)
                .map(target -> URI.create(target).getHost())
                .ifPresent(host -> values.put("application", host));
        List<String> named = groups == null
                ? List.of()
                : groups.stream()
                        .filter(GroupName::isValid)
                        .distinct()
                        .limit(MAX_GROUPS_NAMED)
                        .toList();
        if (!named.isEmpty()) {
            values.put("groups", String.join(", ", named));
        }
        values.put("account", responses.base() + "/portal/account");
        return responses.page(403, Page.NO_ACCESS, values);
    }

    private Response secondFactorRefused(Refusal refused, Optional<SessionToken> pending, String wrong) {
        return switch (refused.reason()) {
            case THROTTLED, HASHING_BUSY, BUSY -> retryLater(refused);
            case SIGN_IN_EXPIRED ->
                responses
                        .message(
                                401,
                                "Sign-in expired",
                                "This sign-in has expired. Start again with your username and password.",
                                responses.base() + "/portal/login",
                                "Sign in")
                        .header(HttpHeaders.SET_COOKIE, cookies.clearPending())
                        .build();
            default -> pendingIsLive(pending) ? secondFactorForm(401, wrong, pending.get()) : restart();
        };
    }

    private Response signInForm(int status, String error, String username, boolean keep, String target) {
        return responses.page(status, Page.LOGIN, signInValues(error, username, keep, target));
    }

    private Map<String, Object> signInValues(String error, String username, boolean keep, String target) {
        Map<String, Object> values = responses.values("Sign in");
        values.put("error", error);
        values.put("username", username);
        values.put("keep", keep);
        values.put("rd", target);
        values.put("passwordless", passkeySettings.passwordless());
        if (recovery.available()) {
            values.put("forgot", responses.base() + "/portal/forgot");
        }
        if (registration.registrationEnabled()) {
            values.put("signUp", PortalLinks.withTarget(responses.base() + "/portal/register", target));
        }
        return values;
    }

    /** The code form, and a passkey button with fresh options when the account has a passkey. */
    private Response secondFactorForm(int status, String error, SessionToken pending) {
        Map<String, Object> values = responses.values("Two-factor authentication");
        values.put("error", error);
        try {
            auth.pendingSignInPasskeyOptions(pending, relyingParty())
                    .ifPresent(options -> values.put("passkeyOptions", options.toString()));
        } catch (Refusal expired) {
            return restart();
        }
        return responses.page(status, Page.SECOND_FACTOR, values);
    }

    private boolean pendingIsLive(Optional<SessionToken> pending) {
        try {
            auth.pendingSignIn(pending.orElseThrow(Refusal::signInExpired));
            return true;
        } catch (Refusal expired) {
            return false;
        }
    }

    private Response restart() {
        return responses
                .seeOther(responses.base() + "/portal/login")
                .header(HttpHeaders.SET_COOKIE, cookies.clearPending())
                .build();
    }

    private Response retryLater(Refusal refused) {
        return responses.retryLater(refused, responses.base() + "/portal/login", "Back to sign-in");
    }

    private Optional<String> allowedTarget(String rd) {
        return responses.allowedTarget(rd);
    }

    private Response signedIn(PortalSignIn step) {
        return responses.signedIn(step);
    }

    private RelyingParty relyingParty() {
        return passkeySettings.relyingParty(caller.addressedOrigin());
    }

    private Optional<SessionToken> pendingToken() {
        return browser.pending();
    }
}
