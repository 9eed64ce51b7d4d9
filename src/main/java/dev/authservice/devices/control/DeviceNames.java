package dev.authservice.devices.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * A device as a person recognises it, "Chrome on Linux" or "Safari on iPhone", from the User-Agent
 * its browser sent. The parsing is ua-parser's (uap-java and the regexes of uap-core); this class
 * only words the result.
 *
 * <p>The parser's thousand patterns are compiled on first use, not at start, since only the
 * account and admin pages and a new passkey's name need them; the names of recent User-Agents are
 * kept, as the same few browsers come back again and again.
 */
@ApplicationScoped
public class DeviceNames {

    /** What a User-Agent that says nothing readable is called. */
    public static final String UNKNOWN = "Unknown device";

    /** Sessions store at most this much of a User-Agent; nothing longer is parsed. */
    static final int MAX_PARSED_CHARS = 256;

    private static final int REMEMBERED = 512;

    /** The phones and tablets whose own name says more than their system's (iOS). */
    private static final Set<String> NAMED_DEVICES = Set.of("iPhone", "iPad", "iPod");

    private final Map<String, String> remembered = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    private volatile Parser parser;

    /** The readable name of the device behind this User-Agent; {@link #UNKNOWN} for none. */
    public String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String bounded = userAgent.length() > MAX_PARSED_CHARS ? userAgent.substring(0, MAX_PARSED_CHARS) : userAgent;
        String known = remembered.get(bounded);
        if (known != null) {
            return known;
        }
        String name = named(parser().parse(bounded));
        remembered.put(bounded, name);
        return name;
    }

    /** "Browser on platform", either alone when the other is unknown. */
    static String named(Client client) {
        String browser = browser(client.userAgent.family);
        String platform = platform(client);
        if (browser == null) {
            return platform == null ? UNKNOWN : platform;
        }
        return platform == null ? browser : browser + " on " + platform;
    }

    /** uap-core's family without "Mobile", which the platform already says: "Mobile Safari" is Safari. */
    private static String browser(String family) {
        if (unknown(family)) {
            return null;
        }
        String name = family.replace("Mobile ", "").replace(" Mobile", "").strip();
        return name.isEmpty() ? family : name;
    }

    private static String platform(Client client) {
        if (client.device != null && NAMED_DEVICES.contains(client.device.family)) {
            return client.device.family;
        }
        String os = client.os == null ? null : client.os.family;
        if (unknown(os)) {
            return null;
        }
        return "Mac OS X".equals(os) ? "macOS" : os;
    }

    private static boolean unknown(String family) {
        return family == null || family.isBlank() || "Other".equals(family);
    }

    private Parser parser() {
        Parser loaded = parser;
        if (loaded == null) {
            synchronized (this) {
                loaded = parser;
                if (loaded == null) {
                    loaded = new Parser();
                    parser = loaded;
                }
            }
        }
        return loaded;
    }
}
