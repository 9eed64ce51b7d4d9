package dev.authservice.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.audit.entity.Client;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A security log line can be parsed back into exactly the fields that were written. */
class LogLineTest {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");

    private static String line(String username) {
        return LogLine.of(
                SecurityEvent.of(SecurityEvent.Kind.LOGIN_SUCCEEDED, username, new Client("10.1.2.3", "curl/8")));
    }

    private static int fields(String line) {
        Matcher m = FIELD.matcher(line);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    @Test
    void aPlainLineHasItsThreeFields() {
        assertEquals("event=login.success user=alice client=10.1.2.3", line("alice"));
    }

    @Test
    void unicodeSpacesCannotForgeFields() {
        String forged = line("bob\u00a0client=10.6.6.6\u2003event=login.success");
        assertEquals(3, fields(forged), forged);
        assertTrue(forged.startsWith("event=login.success user=bob\\u00a0client\\u003d10.6.6.6\\u2003event"), forged);
        assertTrue(forged.endsWith(" client=10.1.2.3"));
    }

    @Test
    void lineAndParagraphSeparatorsAndControlsAreEscaped() {
        String forged = line("eve\u2028event=x\nuser=y\r\u0085\u200e\"q\\");
        assertFalse(forged.contains("\u2028")
                || forged.contains("\n")
                || forged.contains("\r")
                || forged.contains("\u0085"));
        assertFalse(forged.contains("\u200e") || forged.contains("\""));
        assertEquals(3, fields(forged), forged);
        assertTrue(forged.contains("\\u2028") && forged.contains("\\u000a") && forged.contains("\\u005c"), forged);
    }

    @Test
    void lettersBeyondAsciiAreEscapedToo() {
        assertEquals("event=login.success user=fu\\u00dfball\\U0001f600 client=10.1.2.3", line("fußball😀"));
    }

    @Test
    void aReasonForTheLogAloneComesLastBeforeTheSessions() {
        SecurityEvent refused = SecurityEvent.of(
                        SecurityEvent.Kind.LOGIN_FAILED, "bob", new Client("10.1.2.3", "curl/8"))
                .because("disabled");
        assertEquals("event=login.failure user=bob client=10.1.2.3 reason=disabled", LogLine.of(refused));
    }

    @Test
    void aGroupRefusalNamesTheGroupsAskedForEscaped() {
        SecurityEvent forbidden = SecurityEvent.accessForbidden(
                "carol", java.util.List.of("hr", "fin ance"), new Client("10.1.2.3", "curl/8"));
        assertEquals(
                "event=access.forbidden user=carol client=10.1.2.3 target=hr,fin\\u0020ance", LogLine.of(forbidden));
    }

    @Test
    void longValuesAreCutAndMarked() {
        String value = LogLine.value("a".repeat(1000));
        assertEquals(LogLine.MAX_VALUE_CHARS + 3, value.length());
        assertTrue(value.endsWith("..."));
    }

    @Test
    void absentValuesAreADash() {
        assertEquals(
                "event=logout user=carol client=- sessions=3",
                LogLine.of(SecurityEvent.loggedOut("carol", Client.NONE, 3)));
    }
}
