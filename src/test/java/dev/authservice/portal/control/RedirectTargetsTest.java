package dev.authservice.portal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTargetsTest {

    private final RedirectTargets example = RedirectTargets.of(List.of("example.com"), false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/",
                "https://app.example.com/reports?year=2026#top",
                "https://deep.app.example.com:8443/a%20b",
            })
    void anHttpsUrlOnAnAllowedDomainOrUnderItIsAllowedAsWritten(String rd) {
        assertEquals(Optional.of(rd), example.allowed(rd));
    }

    @Test
    void theSchemeAndHostAreNormalisedToLowerCase() {
        assertEquals(
                Optional.of("https://app.example.com/Reports"), example.allowed("HtTpS://App.EXAMPLE.com/Reports"));
    }

    @Test
    void anUrlWithoutAPathGoesToTheRoot() {
        assertEquals(Optional.of("https://app.example.com/"), example.allowed("https://app.example.com"));
    }

    /** The open-redirect variants forward-auth products have had advisories for, and their relatives. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.com",
                "//evil.com/https://example.com",
                "/\\evil.com",
                "\\\\evil.com",
                "/reports",
                "reports",
                "https://example.com.evil.com/",
                "https://evilexample.com/",
                "https://evil.com#.example.com",
                "https://evil.com?.example.com",
                "https://evil.com/.example.com",
                "https://user@evil.com",
                "https://example.com@evil.com/",
                "https://example.com:443@evil.com/",
                "https://evil.com\\@example.com/",
                "https://evil.com\\.example.com/",
                "https:evil.com",
                "https:/evil.com",
                "https:///evil.com",
                "https://%65vil.com/",
                "https://app.example.com%2f@evil.com/",
                "https://app.example.com%09.evil.com/",
                "https://\tapp.example.com/",
                "https://app.example.com/\n",
                "https://app.example.com/\r\nSet-Cookie: x=y",
                "https://app.example.com/ ",
                " https://app.example.com/",
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)//https://app.example.com",
                "data:text/html,<script>alert(1)</script>",
                "http://app.example.com/",
                "ftp://app.example.com/",
                "https://[::1]/",
                "https://127.0.0.1/",
                "https://app.example.com/\u00e9",
                "https://ex\u00e4mple.com/",
                "",
            })
    void anythingElseIsRefused(String rd) {
        assertEquals(Optional.empty(), example.allowed(rd), rd);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://app.example.com:0/", "https://app.example.com:65536/", "https://app.example.com:99999/"
            })
    void aPortNoServerCanHaveIsRefused(String rd) {
        assertEquals(Optional.empty(), example.allowed(rd), rd);
    }

    @Test
    void theHighestPortIsAllowed() {
        assertEquals(
                Optional.of("https://app.example.com:65535/x"), example.allowed("https://app.example.com:65535/x"));
    }

    @Test
    void aTooLongUrlIsRefused() {
        String rd = "https://app.example.com/" + "a".repeat(RedirectTargets.MAX_LENGTH);
        assertEquals(Optional.empty(), example.allowed(rd));
    }

    @Test
    void plainHttpOnlyInDevelopment() {
        RedirectTargets development = RedirectTargets.of(List.of("localhost"), true);
        assertEquals(Optional.of("http://localhost:8080/"), development.allowed("http://localhost:8080/"));
        assertEquals(Optional.empty(), development.allowed("ftp://localhost/"));
    }

    @Test
    void domainsAreComparedAfterIdnNormalisation() {
        RedirectTargets unicode = RedirectTargets.of(List.of("B\u00fccher.example"), false);
        assertEquals(List.of("xn--bcher-kva.example"), unicode.domains());
        assertTrue(unicode.allowed("https://shop.XN--BCHER-KVA.example/").isPresent());
    }

    @Test
    void aConfiguredDomainThatIsNoHostNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RedirectTargets.of(List.of("evil.com/x"), false));
    }

    @Test
    void noDomainsAllowNothing() {
        assertEquals(Optional.empty(), RedirectTargets.of(List.of(), false).allowed("https://example.com/"));
    }
}
