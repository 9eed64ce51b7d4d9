package dev.authservice.auth.boundary;

import dev.authservice.audit.entity.Client;
import dev.authservice.http.boundary.ForwardAuthPaths;
import dev.authservice.http.boundary.RequestSettings;
import dev.authservice.http.control.SignInSettings;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * Who sent the request, as every resource reads it: the session token it presents, the client,
 * and, for the portal and the forward-auth checks, its cookies and what the front end says of the
 * browser's original request.
 */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    @Inject
    RequestSettings settings;

    @Inject
    SignInSettings signIn;

    /** The token of the Authorization header (Bearer), or a token-missing or token-invalid refusal (401). */
    public SessionToken sessionToken() {
        return BearerAuthorization.token(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /**
     * For the forward-auth checks: the Bearer token when an Authorization header is sent (it wins),
     * else the session cookie of that name; a token-missing or token-invalid refusal otherwise.
     */
    public SessionToken sessionToken(String cookieName) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return sessionToken();
        }
        String cookie = cookie(cookieName);
        if (cookie == null || cookie.isEmpty()) {
            throw Refusal.tokenMissing();
        }
        return SessionToken.parse(cookie).orElseThrow(Refusal::tokenInvalid);
    }

    /** The value of the first cookie of this name, or null. */
    public String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    public String header(String name) {
        return request.getHeader(name);
    }

    /** The path the service is deployed under (empty at the root). */
    public String contextPath() {
        return request.getContextPath();
    }

    /** The origin the browser addressed: the front end's X-Forwarded-Proto, else this connection's scheme, and Host. */
    public String addressedOrigin() {
        String proto = request.getHeader("X-Forwarded-Proto");
        String scheme = proto != null && proto.equalsIgnoreCase("https") ? "https" : request.getScheme();
        String host = request.getHeader(HttpHeaders.HOST);
        return (scheme + "://" + (host == null ? "" : host)).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the check was asked for a browser's navigation to a page: a GET or HEAD (as the front
     * end names the original method) that accepts HTML, is no script's request, and carries no
     * Authorization header (an API client's).
     */
    public boolean isBrowserNavigation() {
        String method = request.getHeader("X-Forwarded-Method");
        if (method == null) {
            Object forwarded = request.getAttribute(ForwardAuthPaths.ORIGINAL_METHOD);
            method = forwarded instanceof String original ? original : request.getMethod();
        }
        if (!method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("HEAD")) {
            return false;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    /**
     * The URL the browser asked for, as the front end tells it: X-Original-URL, or
     * X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-Uri together; null if it does not.
     */
    public String originalUrl() {
        String original = request.getHeader("X-Original-URL");
        if (original != null && !original.isBlank()) {
            return original;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        String host = request.getHeader("X-Forwarded-Host");
        String uri = request.getHeader("X-Forwarded-Uri");
        if (proto == null || host == null || uri == null) {
            return null;
        }
        return proto + "://" + host + uri;
    }

    /**
     * The client's address (as a trusted front end names it, see {@link TrustedProxies}) and user
     * agent, as the security log and the session list record them.
     */
    public Client client() {
        String address = settings.trustedProxies()
                .clientAddress(
                        request.getRemoteAddr(), request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"));
        String device = SessionToken.parse(cookie(signIn.deviceCookieName()))
                .map(SessionToken::hash)
                .orElse(null);
        return new Client(address, request.getHeader("User-Agent"), device);
    }
}
