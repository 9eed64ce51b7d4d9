package dev.authservice.auth.boundary;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The X-Auth-User value: the canonical username, which may hold any letter, while header values
 * are ASCII. Printable ASCII passes unchanged but for '%', ',' and ';', which are percent-encoded
 * (RFC 3986) like every byte of the UTF-8 form beyond ASCII: `fußball` becomes `fu%C3%9Fball`,
 * and `eve,admin` becomes `eve%2Cadmin`, since applications behind a proxy may split a header
 * value at commas or semicolons.
 */
final class AuthUserHeader {

    private AuthUserHeader() {}

    static String encode(String username) {
        StringBuilder out = new StringBuilder(username.length());
        for (byte b : username.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xff;
            if (unsigned > 0x20 && unsigned < 0x7f && unsigned != '%' && unsigned != ',' && unsigned != ';') {
                out.append((char) unsigned);
            } else {
                out.append('%').append(String.format("%02X", unsigned));
            }
        }
        return out.toString();
    }

    /** Names encoded each as {@link #encode} does, joined by ','. */
    static String encodeList(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(encode(name));
        }
        return out.toString();
    }
}
