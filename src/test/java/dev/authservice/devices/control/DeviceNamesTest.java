package dev.authservice.devices.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The names people read on the account page, from User-Agents their browsers really send. */
class DeviceNamesTest {

    private final DeviceNames names = new DeviceNames();

    @Test
    void desktopBrowsersAreNamedWithTheirSystem() {
        assertEquals(
                "Chrome on Linux",
                names.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/131.0.0.0 Safari/537.36"));
        assertEquals(
                "Firefox on Windows",
                names.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"));
        assertEquals(
                "Safari on macOS",
                names.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/18.1 Safari/605.1.15"));
        assertEquals(
                "Edge on Windows",
                names.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"));
    }

    @Test
    void phonesAreNamedAsPeopleCallThem() {
        assertEquals(
                "Safari on iPhone",
                names.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"));
        assertEquals(
                "Chrome on Android",
                names.of("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/131.0.0.0 Mobile Safari/537.36"));
    }

    @Test
    void toolsAreNamedByTheirNameAlone() {
        assertEquals("curl", names.of("curl/8.5.0"));
    }

    @Test
    void aMissingOrMeaninglessUserAgentIsAnUnknownDevice() {
        assertEquals(DeviceNames.UNKNOWN, names.of(null));
        assertEquals(DeviceNames.UNKNOWN, names.of(" "));
        assertEquals(DeviceNames.UNKNOWN, names.of("<script>alert(1)</script>"));
    }

    @Test
    void aHugeUserAgentIsReadOnlyAsFarAsSessionsKeepIt() {
        String huge = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                + " Safari/537.36 " + "(".repeat(100_000);
        assertEquals("Chrome on Linux", names.of(huge));
    }

    @Test
    void theSameUserAgentIsNamedTheSameEachTime() {
        String ua = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assertEquals(names.of(ua), names.of(ua));
        assertEquals("Firefox on Linux", names.of(ua));
    }
}
