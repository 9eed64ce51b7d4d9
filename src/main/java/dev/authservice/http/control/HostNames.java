package dev.authservice.http.control;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/** Host names as browsers compare them: ASCII (IDNA), lower case, without a trailing dot. */
public final class HostNames {

    private HostNames() {}

    /** The host in the form browsers compare, or empty when it is no host name (an IP literal in brackets, say). */
    public static Optional<String> normalised(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty() || h.startsWith("[")) {
            return Optional.empty();
        }
        try {
            String ascii = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            return ascii.isEmpty() ? Optional.empty() : Optional.of(ascii);
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
    }
}
