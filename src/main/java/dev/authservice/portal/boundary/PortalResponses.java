package dev.authservice.portal.boundary;

import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.control.PortalSignIn;
import dev.authservice.clients.control.ClientOrigins;
import dev.authservice.http.control.Branding;
import dev.authservice.http.control.SignInSettings;
import dev.authservice.portal.control.CsrfCheck;
import dev.authservice.portal.control.PortalCookies;
import dev.authservice.portal.control.PortalPages;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.portal.control.PortalSettings;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.SessionView;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every page of the portal shares: its headers, its CSRF cookie and check, the browser's
 * session, and the plain pages that answer a refused form.
 */
@ApplicationScoped
public class PortalResponses {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    @Inject
    Branding branding;

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @Inject
    PortalSettings settings;

    @Inject
    SignInSettings signIn;

    @Inject
    PortalCookies cookies;

    @Inject
    BrowserCookies browser;

    @Inject
    PortalPages pages;

    @Inject
    ClientOrigins clientOrigins;

    /** A page's values with its title and the portal's base URL filled in. */
    public Map<String, Object> values(String title) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", title);
        values.put("product", branding.title());
        branding.logoUrl().ifPresent(logo -> values.put("logo", logo));
        values.put("base", base());
        return values;
    }

    public String base() {
        return signIn.base(caller.contextPath());
    }

    public Response page(int status, Page page, Map<String, Object> values) {
        return pageBuilder(status, page, values).build();
    }

    /**
     * An HTML page with the portal's headers, and the CSRF cookie (issued now when the browser
     * has none) whose value the page's forms carry.
     */
    public Response.ResponseBuilder pageBuilder(int status, Page page, Map<String, Object> values) {
        return pageBuilder(status, page, values, null);
    }

    /** A page whose form may also post to {@code formOrigin}: OpenID Connect's form_post answer. */
    public Response.ResponseBuilder pageBuilder(int status, Page page, Map<String, Object> values, String formOrigin) {
        String csrf = browser.csrf();
        boolean issue = !CsrfCheck.isWellFormed(csrf);
        if (issue) {
            csrf = PortalCookies.newCsrfValue();
        }
        values.put("csrf", csrf);
        Response.ResponseBuilder response =
                headers(Response.status(status).type(HTML).entity(pages.render(page, values)), formOrigin);
        if (issue) {
            response.header(HttpHeaders.SET_COOKIE, cookies.csrf(csrf));
        }
        if (caller.client().device() == null) {
            response.header(HttpHeaders.SET_COOKIE, cookies.newDevice());
        }
        return response;
    }

    public Response.ResponseBuilder seeOther(String location) {
        return headers(Response.status(Response.Status.SEE_OTHER)).header(HttpHeaders.LOCATION, location);
    }

    public Response.ResponseBuilder message(int status, String title, String text, String href, String linkText) {
        Map<String, Object> values = values(title);
        values.put("message", text);
        values.put("link", Map.of("href", href, "text", linkText));
        return pageBuilder(status, Page.MESSAGE, values);
    }

    /** The answer to a form whose CSRF check failed. */
    public Response formExpired() {
        return message(
                        403,
                        "Form expired",
                        "This form was not sent from this browser's own sign-in page, or it has expired."
                                + " Reload the page and try again.",
                        base() + "/portal/login",
                        "Sign in")
                .build();
    }

    /** The answer when too many attempts failed or the hashing queue is full. */
    public Response retryLater(Refusal refused, String href, String linkText) {
        return retryLater(refused, "Too many failed sign-ins for this account.", href, linkText);
    }

    /** The status of a page that shows a refusal beside its form. */
    public static int statusOf(Refusal refused) {
        return switch (refused.reason()) {
            case INVALID_CREDENTIALS, SECOND_FACTOR_REQUIRED, PASSKEY_REFUSED -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT, USERNAME_TAKEN -> 409;
            case FORBIDDEN -> 403;
            default -> 400;
        };
    }

    /** As {@link #retryLater(Refusal, String, String)}, saying {@code throttled} when the throttle refused. */
    public Response retryLater(Refusal refused, String throttled, String href, String linkText) {
        long seconds = refused.retryAfterSeconds();
        String text = refused.reason() == Refusal.Reason.THROTTLED
                ? throttled + " Try again in " + seconds + " seconds."
                : "The service is busy. Try again in " + seconds + " seconds.";
        int status = refused.reason() == Refusal.Reason.THROTTLED ? 429 : 503;
        return message(status, "Try again later", text, href, linkText)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .build();
    }

    /**
     * No framing, no caching, scripts and styles from the portal alone, and no Referer to another
     * site: see docs/front-ends.md, "The portal". Not no-referrer, under which browsers send
     * "Origin: null" with the portal's own forms, and the CSRF check could not tell them from a
     * sandboxed attacker.
     */
    public Response.ResponseBuilder headers(Response.ResponseBuilder response) {
        return headers(response, null);
    }

    private Response.ResponseBuilder headers(Response.ResponseBuilder response, String formOrigin) {
        return response.header("Content-Security-Policy", contentSecurityPolicy(formOrigin))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * Forms may post to the portal and, since Chromium applies form-action to the redirect that
     * answers a form, be sent on to the allowed redirect domains, on any port. Images may be
     * data: URLs (the QR code of a TOTP enrolment, drawn on the server).
     */
    private String contentSecurityPolicy(String formOrigin) {
        StringBuilder formAction = new StringBuilder("'self'");
        if (formOrigin != null) {
            formAction.append(' ').append(formOrigin);
        }
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
        // The OpenID provider's clients, where a sign-in's answer leads on to.
        clientOrigins.origins().forEach(origin -> formAction.append(' ').append(origin));
        return "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " form-action " + formAction + "; frame-ancestors 'none'; base-uri 'none'";
    }

    public boolean csrfPasses(String field) {
        String portalOrigin = signIn.origin().orElseGet(caller::addressedOrigin);
        return CsrfCheck.passes(
                browser.csrf(), field, caller.header("Origin"), caller.header("Sec-Fetch-Site"), portalOrigin);
    }

    /**
     * The browser is signed in: its session cookie (for the session's lifetime when it asked to be
     * kept signed in, for the browser's otherwise), no pending sign-in, and on to where it was going.
     */
    public Response signedIn(PortalSignIn step) {
        return seeOther(step.redirect() != null ? step.redirect() : settings.defaultRedirect(caller.contextPath()))
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookies.session(
                                step.session().token(),
                                step.keepSignedIn() ? step.session().lifetime() : null))
                .header(HttpHeaders.SET_COOKIE, cookies.clearPending())
                .build();
    }

    /**
     * The rd parameter if the browser may be sent there; a refused one is logged. The OpenID
     * provider's own authorization endpoint is always allowed: it is where a sign-in for an
     * OpenID client returns, and it checks the request again.
     */
    public Optional<String> allowedTarget(String rd) {
        if (rd == null || rd.isEmpty()) {
            return Optional.empty();
        }
        if (OpenIdPagesResource.isOwnAuthorizationUrl(rd, base())) {
            return Optional.of(rd);
        }
        Optional<String> target = settings.redirectTargets().allowed(rd);
        if (target.isEmpty()) {
            auth.refuseRedirect(rd, caller.client());
        }
        return target;
    }

    /** The session token in this browser's cookie, if any. */
    public Optional<SessionToken> sessionToken() {
        return browser.session();
    }

    /** The live session of this browser's cookie, if any; checking it slides its idle deadline. */
    public Optional<SessionView> currentSession() {
        Optional<SessionToken> token = sessionToken();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(auth.check(token.get()));
        } catch (Refusal notLive) {
            return Optional.empty();
        }
    }
}
