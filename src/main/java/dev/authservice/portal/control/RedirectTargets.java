package dev.authservice.portal.control;

import dev.authservice.http.control.HostNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a sign-in or sign-out may send the browser (the {@code rd} parameter): an absolute https
 * URL (http too only in plain-HTTP development) whose host is one of the allowed domains or under
 * one. Everything else is refused, whatever it would do in a browser: scheme-relative and relative
 * forms, backslashes, user-info parts, control characters and whitespace (encoded ones too, where
 * they would reach the host), and anything java.net.URI does not parse strictly.
 */
public final class RedirectTargets {

    /** Longer URLs than browsers and front ends handle reliably are no redirect target. */
    static final int MAX_LENGTH = 2048;

    private final List<String> domains;
    private final boolean allowHttp;

    private RedirectTargets(List<String> domains, boolean allowHttp) {
        this.domains = domains;
        this.allowHttp = allowHttp;
    }

    /**
     * The rule for these domains (each compared after IDN normalisation); throws
     * IllegalArgumentException naming a domain that cannot be a host name.
     */
    public static RedirectTargets of(Collection<String> domains, boolean allowHttp) {
        List<String> normalised = domains.stream()
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .map(d -> d.startsWith(".") ? d.substring(1) : d)
                .map(d -> HostNames.normalised(d)
                        .orElseThrow(() -> new IllegalArgumentException("not a domain name: " + d)))
                .toList();
        return new RedirectTargets(normalised, allowHttp);
    }

    public List<String> domains() {
        return domains;
    }

    public boolean allowsHttp() {
        return allowHttp;
    }

    /** The target, normalised (lower-case scheme and host), if a browser may be sent there. */
    public Optional<String> allowed(String rd) {
        if (rd == null || rd.isEmpty() || rd.length() > MAX_LENGTH || !printableAscii(rd)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(rd);
        } catch (URISyntaxException notStrictlyAUri) {
            return Optional.empty();
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.empty();
        }
        // A host that URI cannot read as a server (an escaped character, say) is no host: the
        // authority must be exactly host[:port].
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        // Port 0 and ports past 65535 exist on no server; a browser would refuse or wrap them.
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.empty();
        }
        String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (!authority.equalsIgnoreCase(uri.getRawAuthority())) {
            return Optional.empty();
        }
        Optional<String> host = HostNames.normalised(uri.getHost());
        if (host.isEmpty() || !isAllowed(host.get())) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + host.get()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
    }

    private boolean isAllowed(String host) {
        for (String domain : domains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** Visible ASCII only: no control character, no whitespace, nothing a header could split on. */
    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
