package dev.authservice.portal.control;

import dev.authservice.auth.control.PendingSignIns;
import dev.authservice.http.control.SignInSettings;
import dev.authservice.mail.control.EmailLinks;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The Set-Cookie values of the portal: the session cookie that front ends check, and two cookies
 * the portal reads alone: the CSRF cookie and the pending second-factor step. Those two carry the
 * {@code __Host-} prefix whenever they are Secure, so that no other site under the cookie domain
 * can set them, and SameSite=Strict, so that no other site's request carries them.
 */
@ApplicationScoped
public class PortalCookies {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SignInSettings settings;

    /** The session cookie: until the browser ends, or for {@code keepFor} when the person asked to stay signed in. */
    public String session(SessionToken token, Duration keepFor) {
        StringBuilder cookie = new StringBuilder(settings.cookieName())
                .append('=')
                .append(token.value())
                .append(attributes("Lax"));
        if (settings.cookieDomain() != null) {
            cookie.append("; Domain=").append(settings.cookieDomain());
        }
        if (keepFor != null) {
            cookie.append("; Max-Age=").append(Math.max(1, keepFor.toSeconds()));
        }
        return cookie.toString();
    }

    /** Removes the session cookie, with the same name, domain and path it was set with. */
    public String clearSession() {
        StringBuilder cookie =
                new StringBuilder(settings.cookieName()).append('=').append(attributes("Lax"));
        if (settings.cookieDomain() != null) {
            cookie.append("; Domain=").append(settings.cookieDomain());
        }
        return cookie.append("; Max-Age=0").toString();
    }

    public String sessionName() {
        return settings.cookieName();
    }

    /** The name of the CSRF cookie. */
    public String csrfName() {
        return prefixed("auth_csrf");
    }

    /** A new CSRF cookie, for the browser's session. */
    public String csrf(String value) {
        return csrfName() + "=" + value + attributes("Strict");
    }

    /** A fresh random value for the CSRF cookie. */
    public static String newCsrfValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A new device cookie: a random value that tells this browser from others for as long as
     * browsers keep a cookie (400 days), so that a sign-in from a browser not seen before can be
     * told to the account's owner.
     */
    public String newDevice() {
        return settings.deviceCookieName() + "=" + SessionToken.generate().value() + attributes("Lax") + "; Max-Age="
                + Duration.ofDays(400).toSeconds();
    }

    public String deviceName() {
        return settings.deviceCookieName();
    }

    /** The name of the cookie that holds a password reset link's token once the link was opened. */
    public String resetName() {
        return prefixed("auth_reset");
    }

    /**
     * The reset link's token, moved out of the address bar (and the browser's history) into a
     * cookie for as long as the link lives.
     */
    public String reset(String token) {
        return resetName() + "=" + token + attributes("Lax") + "; Max-Age=" + EmailLinks.LIFETIME.toSeconds();
    }

    public String clearReset() {
        return resetName() + "=" + attributes("Lax") + "; Max-Age=0";
    }

    public String pendingName() {
        return prefixed("auth_pending");
    }

    /** The pending second-factor step, for as long as it may be finished. */
    public String pending(SessionToken token) {
        return pendingName() + "=" + token.value() + attributes("Strict") + "; Max-Age="
                + PendingSignIns.LIFETIME.toSeconds();
    }

    public String clearPending() {
        return pendingName() + "=" + attributes("Strict") + "; Max-Age=0";
    }

    private String prefixed(String name) {
        return settings.cookieSecure() ? "__Host-" + name : name;
    }

    private String attributes(String sameSite) {
        return "; Path=/; HttpOnly" + (settings.cookieSecure() ? "; Secure" : "") + "; SameSite=" + sameSite;
    }
}
