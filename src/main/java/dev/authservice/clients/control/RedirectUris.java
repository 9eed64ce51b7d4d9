package dev.authservice.clients.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a registered redirect URI may be (RFC 9700, section 2.1 and 4.1): an absolute https URL, or
 * http to this machine's loopback (RFC 8252, for development and native applications); no
 * fragment, no user-info part, no wildcard, no dot segment, nothing java.net.URI does not parse
 * strictly. A request's redirect_uri is then compared with the registered ones as a string,
 * exactly: another case, a trailing slash or an added query is another URI.
 */
public final class RedirectUris {

    static final int MAX_LENGTH = 2048;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUris() {}

    /** Why {@code uri} cannot be registered, or empty if it can. */
    public static Optional<String> problemWith(String uri) {
        if (uri == null || uri.isEmpty()) {
            return Optional.of("A redirect URI is empty.");
        }
        if (uri.length() > MAX_LENGTH) {
            return Optional.of("A redirect URI is longer than " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return Optional.of("A redirect URI holds a space, a control character, a backslash or non-ASCII.");
            }
        }
        if (uri.contains("*")) {
            return Optional.of("A redirect URI may not hold a wildcard: each is registered exactly.");
        }
        if (uri.contains("#")) {
            return Optional.of("A redirect URI may not have a fragment.");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException notAUri) {
            return Optional.of("A redirect URI is not a URI.");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!parsed.isAbsolute() || parsed.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("A redirect URI must be an absolute https URL (http only to localhost).");
        }
        if (parsed.getRawUserInfo() != null
                || uri.substring(scheme.length() + 3).split("[/?]", 2)[0].contains("@")) {
            return Optional.of("A redirect URI may not name a user.");
        }
        if (parsed.getHost() == null) {
            return Optional.of("A redirect URI must name a host.");
        }
        if (scheme.equals("http") && !LOOPBACK.contains(parsed.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.of("A redirect URI must be https, unless it goes to localhost.");
        }
        String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
        for (String segment : path.split("/", -1)) {
            String plain = segment.split(";", 2)[0].toLowerCase(Locale.ROOT);
            if (plain.equals(".")
                    || plain.equals("..")
                    || plain.equals("%2e")
                    || plain.equals("%2e%2e")
                    || plain.equals(".%2e")
                    || plain.equals("%2e.")) {
                return Optional.of("A redirect URI may not have a dot segment.");
            }
        }
        return Optional.empty();
    }
}
