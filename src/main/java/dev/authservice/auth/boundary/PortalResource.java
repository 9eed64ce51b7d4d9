package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.Caller;
import dev.authservice.portal.control.CsrfCheck;
import dev.authservice.portal.control.PortalCookies;
import dev.authservice.portal.control.PortalPages;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.portal.control.PortalSettings;
import dev.authservice.portal.control.PortalSignIn;
import dev.authservice.refusal.Refusal;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The portal: the pages a person signs in and out with in a browser. Server-rendered, usable
 * without JavaScript; every form carries the browser's CSRF token; every use case is AuthBean's,
 * as for the JSON API.
 */
@Path("portal")
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class PortalResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final String WRONG_CREDENTIALS = "Invalid username or password.";

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @Inject
    PortalSettings settings;

    @Inject
    PortalCookies cookies;

    @Inject
    PortalPages pages;

    @GET
    public Response root() {
        return seeOther(base() + "/portal/account").build();
    }

    @GET
    @Path("style.css")
    @Produces("text/css")
    public Response styleSheet() {
        return portalHeaders(Response.ok(pages.styleSheet(), "text/css;charset=utf-8"))
                .build();
    }

    /** The sign-in page; a browser already signed in goes straight on. */
    @GET
    @Path("login")
    public Response signInPage(@QueryParam("rd") String rd) {
        Optional<String> target = allowedTarget(rd);
        if (currentSession().isPresent()) {
            return seeOther(target.orElse(settings.defaultRedirect(caller.contextPath())))
                    .build();
        }
        return signInForm(200, null, "", false, target.orElse(null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam("csrf") String csrf,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("keep") String keep,
            @FormParam("rd") String rd) {
        if (!csrfPasses(csrf)) {
            return forbidden();
        }
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
                case THROTTLED, HASHING_BUSY -> retryLater(refused);
                default -> signInForm(401, WRONG_CREDENTIALS, typed, keepSignedIn, target);
            };
        }
        if (step.isSignedIn()) {
            return signedIn(step);
        }
        return seeOther(base() + "/portal/login/second-factor")
                .header(HttpHeaders.SET_COOKIE, cookies.pending(step.pending()))
                .build();
    }

    /** The code step of an account with a second factor; without a pending sign-in, back to the start. */
    @GET
    @Path("login/second-factor")
    public Response secondFactorPage() {
        Optional<SessionToken> pending = pendingToken();
        try {
            auth.pendingSignIn(pending.orElseThrow(Refusal::signInExpired));
        } catch (Refusal expired) {
            return seeOther(base() + "/portal/login")
                    .header(HttpHeaders.SET_COOKIE, cookies.clearPending())
                    .build();
        }
        return secondFactorForm(200, null);
    }

    @POST
    @Path("login/second-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response secondFactor(@FormParam("csrf") String csrf, @FormParam("code") String code) {
        if (!csrfPasses(csrf)) {
            return forbidden();
        }
        PortalSignIn signedIn;
        try {
            SessionToken pending = pendingToken().orElseThrow(Refusal::signInExpired);
            signedIn = auth.finishSignIn(pending, code == null ? "" : code, caller.client());
        } catch (Refusal refused) {
            return switch (refused.reason()) {
                case THROTTLED, HASHING_BUSY -> retryLater(refused);
                case SIGN_IN_EXPIRED ->
                    message(
                                    401,
                                    "Sign-in expired",
                                    "This sign-in has expired. Start again with your username and password.",
                                    base() + "/portal/login",
                                    "Sign in")
                            .header(HttpHeaders.SET_COOKIE, cookies.clearPending())
                            .build();
                default -> secondFactorForm(401, "That code is wrong or has been used already.");
            };
        }
        return signedIn(signedIn);
    }

    /** A page with a button: signing out changes state, so it is a form, never a link. */
    @GET
    @Path("logout")
    public Response signOutPage(@QueryParam("rd") String rd) {
        Map<String, Object> values = values("Sign out");
        currentSession().ifPresent(session -> values.put("username", session.username()));
        allowedTarget(rd).ifPresent(target -> values.put("rd", target));
        return page(200, Page.LOGOUT, values);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @FormParam("rd") String rd) {
        if (!csrfPasses(csrf)) {
            return forbidden();
        }
        caller.cookieToken(settings.cookieName()).ifPresent(token -> {
            try {
                auth.logout(token, caller.client());
            } catch (Refusal alreadyEnded) {
                // Signed out already, or the session expired: the cookie goes all the same.
            }
        });
        return seeOther(allowedTarget(rd).orElse(base() + "/portal/login"))
                .header(HttpHeaders.SET_COOKIE, cookies.clearSession())
                .build();
    }

    /** Who is signed in in this browser. */
    @GET
    @Path("account")
    public Response account() {
        Optional<SessionView> session = currentSession();
        if (session.isEmpty()) {
            return seeOther(base() + "/portal/login").build();
        }
        Map<String, Object> values = values("Signed in");
        values.put("username", session.get().username());
        values.put("createdAt", SessionJson.iso(session.get().createdAt()));
        values.put("expiresAt", SessionJson.iso(session.get().expiresAt()));
        return page(200, Page.ACCOUNT, values);
    }

    /** Where front ends send a signed-in browser whose user is in none of the groups a location requires. */
    @GET
    @Path("no-access")
    public Response noAccess() {
        Optional<SessionView> session = currentSession();
        if (session.isEmpty()) {
            return seeOther(base() + "/portal/login").build();
        }
        Map<String, Object> values = values("No access");
        values.put("username", session.get().username());
        return page(403, Page.NO_ACCESS, values);
    }

    private Response signedIn(PortalSignIn step) {
        return seeOther(step.redirect() != null ? step.redirect() : settings.defaultRedirect(caller.contextPath()))
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookies.session(
                                step.session().token(),
                                step.keepSignedIn() ? step.session().lifetime() : null))
                .header(HttpHeaders.SET_COOKIE, cookies.clearPending())
                .build();
    }

    private Response signInForm(int status, String error, String username, boolean keep, String target) {
        Map<String, Object> values = values("Sign in");
        values.put("error", error);
        values.put("username", username);
        values.put("keep", keep);
        values.put("rd", target);
        return page(status, Page.LOGIN, values);
    }

    private Response secondFactorForm(int status, String error) {
        Map<String, Object> values = values("Two-factor authentication");
        values.put("error", error);
        return page(status, Page.SECOND_FACTOR, values);
    }

    private Response retryLater(Refusal refused) {
        long seconds = refused.retryAfterSeconds();
        String text = refused.reason() == Refusal.Reason.THROTTLED
                ? "Too many failed sign-ins for this account. Try again in " + seconds + " seconds."
                : "The service is busy. Try again in " + seconds + " seconds.";
        int status = refused.reason() == Refusal.Reason.THROTTLED ? 429 : 503;
        return message(status, "Try again later", text, base() + "/portal/login", "Back to sign-in")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .build();
    }

    private Response forbidden() {
        return message(
                        403,
                        "Form expired",
                        "This form was not sent from this browser's own sign-in page, or it has expired."
                                + " Reload the page and try again.",
                        base() + "/portal/login",
                        "Sign in")
                .build();
    }

    private Response.ResponseBuilder message(int status, String title, String text, String href, String linkText) {
        Map<String, Object> values = values(title);
        values.put("message", text);
        values.put("link", Map.of("href", href, "text", linkText));
        return pageBuilder(status, Page.MESSAGE, values);
    }

    private Response page(int status, Page page, Map<String, Object> values) {
        return pageBuilder(status, page, values).build();
    }

    /**
     * An HTML page with the portal's headers, and the CSRF cookie (issued now when the browser
     * has none) whose value the page's forms carry.
     */
    private Response.ResponseBuilder pageBuilder(int status, Page page, Map<String, Object> values) {
        String csrf = caller.cookie(cookies.csrfName());
        boolean issue = !CsrfCheck.isWellFormed(csrf);
        if (issue) {
            csrf = PortalCookies.newCsrfValue();
        }
        values.put("csrf", csrf);
        Response.ResponseBuilder response =
                portalHeaders(Response.status(status).type(HTML).entity(pages.render(page, values)));
        if (issue) {
            response.header(HttpHeaders.SET_COOKIE, cookies.csrf(csrf));
        }
        return response;
    }

    private Response.ResponseBuilder seeOther(String location) {
        return portalHeaders(Response.status(Response.Status.SEE_OTHER)).header(HttpHeaders.LOCATION, location);
    }

    /**
     * No framing, no script, no caching, and no Referer to another site: see docs/front-ends.md,
     * "The portal". Not no-referrer, under which browsers send "Origin: null" with the portal's own
     * forms, and the CSRF check could not tell them from a sandboxed attacker.
     */
    private Response.ResponseBuilder portalHeaders(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", contentSecurityPolicy())
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * Forms may post to the portal and, since Chromium applies form-action to the redirect that
     * answers a form, be sent on to the allowed redirect domains, on any port.
     */
    private String contentSecurityPolicy() {
        StringBuilder formAction = new StringBuilder("'self'");
        for (String domain : settings.redirectTargets().domains()) {
            formAction
                    .append(" https://")
                    .append(domain)
                    .append(":* https://*.")
                    .append(domain)
                    .append(":*");
            if (settings.redirectTargets().allowsHttp()) {
                formAction
                        .append(" http://")
                        .append(domain)
                        .append(":* http://*.")
                        .append(domain)
                        .append(":*");
            }
        }
        settings.defaultRedirectOrigin()
                .ifPresent(origin -> formAction.append(' ').append(origin));
        return "default-src 'none'; style-src 'self'; img-src 'self'; form-action " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** The rd parameter if the browser may be sent there; a refused one is logged. */
    private Optional<String> allowedTarget(String rd) {
        if (rd == null || rd.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> target = settings.redirectTargets().allowed(rd);
        if (target.isEmpty()) {
            auth.refuseRedirect(rd, caller.client());
        }
        return target;
    }

    private boolean csrfPasses(String field) {
        String portalOrigin = settings.origin().orElseGet(caller::addressedOrigin);
        return CsrfCheck.passes(
                caller.cookie(cookies.csrfName()),
                field,
                caller.header("Origin"),
                caller.header("Sec-Fetch-Site"),
                portalOrigin);
    }

    /** The live session of this browser's cookie, if any; checking it slides its idle deadline. */
    private Optional<SessionView> currentSession() {
        Optional<SessionToken> token = caller.cookieToken(settings.cookieName());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(auth.check(token.get()));
        } catch (Refusal notLive) {
            return Optional.empty();
        }
    }

    private Optional<SessionToken> pendingToken() {
        return SessionToken.parse(caller.cookie(cookies.pendingName()));
    }

    private Map<String, Object> values(String title) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", title);
        values.put("base", base());
        return values;
    }

    private String base() {
        return settings.base(caller.contextPath());
    }
}
