package dev.authservice.portal.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Whether a form posted to the portal came from a page the portal issued to this browser: the
 * token in the form equals the browser's CSRF cookie (which only the portal can set: see
 * {@link PortalCookies}), and the browser's Origin, when it sends one, is the portal's, and Fetch
 * Metadata, when sent, does not say cross-site. Nothing is stored, so any instance checks any form.
 */
public final class CsrfCheck {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CsrfCheck() {}

    /**
     * @param cookie the CSRF cookie the browser sent, or null
     * @param field the form's token, or null
     * @param origin the Origin header, or null
     * @param fetchSite the Sec-Fetch-Site header, or null
     * @param portalOrigin the portal's origin (scheme://host[:port], lower case)
     */
    public static boolean passes(String cookie, String field, String origin, String fetchSite, String portalOrigin) {
        if (cookie == null || field == null || !TOKEN.matcher(cookie).matches()) {
            return false;
        }
        if (!MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            return false;
        }
        return origin == null || origin.equalsIgnoreCase(portalOrigin);
    }

    /** Whether a CSRF cookie's value is one the portal could have issued (else a new one is issued). */
    public static boolean isWellFormed(String cookie) {
        return cookie != null && TOKEN.matcher(cookie).matches();
    }
}
