package dev.authservice.audit.control;

/**
 * The text of a security log line: {@code event=NAME user=VALUE client=VALUE [target=VALUE] [reason=VALUE] [sessions=N]}. A
 * username as sent may hold anything, so every value is escaped until a log parser can read no
 * field into it that was not written here (no log forging).
 */
final class LogLine {

    static final int MAX_VALUE_CHARS = 128;

    private LogLine() {}

    static String of(SecurityEvent event) {
        String line = "event=" + event.kind().logName()
                + " user=" + value(event.username())
                + " client="
                + value(event.client() == null ? null : event.client().address());
        boolean endsSessions = event.kind() == SecurityEvent.Kind.LOGGED_OUT
                || event.kind() == SecurityEvent.Kind.ACCOUNT_DELETED
                || (event.kind().logName().startsWith("admin.") && event.sessions() > 0);
        if (event.target() != null) {
            line = line + " target=" + value(event.target());
        }
        if (event.reason() != null) {
            line = line + " reason=" + value(event.reason());
        }
        return endsSessions ? line + " sessions=" + event.sessions() : line;
    }

    /**
     * Printable ASCII other than space, '=', '"' and '\' passes unchanged; every other character
     * becomes a backslash escape ({@code \\u00a0}, {@code \\u2028}, or {@code \\U0001f600} beyond
     * the BMP). An absent value is {@code -}.
     */
    static String value(String text) {
        if (text == null) {
            return "-";
        }
        boolean cut = text.length() > MAX_VALUE_CHARS;
        String bounded = cut ? text.substring(0, MAX_VALUE_CHARS) : text;
        StringBuilder out = new StringBuilder(bounded.length() + 8);
        bounded.codePoints().forEach(cp -> {
            boolean plain = cp > 0x20 && cp < 0x7f && cp != '=' && cp != '"' && cp != '\\';
            if (plain) {
                out.append((char) cp);
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return cut ? out.append("...").toString() : out.toString();
    }
}
