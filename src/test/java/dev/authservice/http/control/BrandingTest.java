package dev.authservice.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.configuration.InvalidConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrandingTest {

    private static Branding titled(String title) {
        return branded(title, null, null);
    }

    private static Branding branded(String title, String logo, String accent) {
        Branding branding = new Branding();
        branding.title = Optional.ofNullable(title);
        branding.logoUrl = Optional.ofNullable(logo);
        branding.accentColor = Optional.ofNullable(accent);
        branding.portalUrl = Optional.of("https://auth.example.test");
        branding.check();
        return branding;
    }

    @Test
    void unsetThePortalHasNoLogoAndItsOwnCalmBlue() {
        Branding plain = titled(null);
        assertEquals(Optional.empty(), plain.logoUrl());
        assertEquals("#1f5fbf", plain.accent());
        assertEquals("#17478f", plain.accentHover());
    }

    @Test
    void aLogoLivesOnThePortalsOrigin() {
        assertEquals(
                "/brand/logo.svg",
                branded(null, "/brand/logo.svg", null).logoUrl().orElseThrow());
        assertEquals(
                "https://auth.example.test/logo.png",
                branded(null, "https://auth.example.test/logo.png", null)
                        .logoUrl()
                        .orElseThrow());
        for (String elsewhere : new String[] {
            "https://evil.example/logo.png",
            "//evil.example/logo.png",
            "http://auth.example.test/logo.png",
            "https://auth.example.test:8443/logo.png",
            "https://user@auth.example.test/logo.png",
            "javascript:alert(1)",
            "/\\evil.example/logo.png",
            "/logo.png\nX: y",
            "/" + "x".repeat(512)
        }) {
            assertThrows(InvalidConfigurationException.class, () -> branded(null, elsewhere, null), elsewhere);
        }
    }

    @Test
    void anAccentMustCarryWhiteTextReadably() {
        assertEquals("#6b21a8", branded(null, null, "#6B21A8").accent());
        assertEquals("#780000", branded(null, null, "#a00000").accentHover(), "a quarter darker");
        InvalidConfigurationException tooLight =
                assertThrows(InvalidConfigurationException.class, () -> branded(null, null, "#f2b600"));
        assertTrue(tooLight.getMessage().contains("1.8:1"), tooLight.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> branded(null, null, "red"));
        assertThrows(InvalidConfigurationException.class, () -> branded(null, null, "#12345"));
        assertThrows(InvalidConfigurationException.class, () -> branded(null, null, "#1f5fbf;} body{display:none"));
    }

    @Test
    void unsetOrBlankTheServiceIsCalledAuthService() {
        assertEquals("auth-service", titled(null).title());
        assertEquals("auth-service", titled("  ").title());
    }

    @Test
    void aCompanysNameIsTakenAsWrittenWithoutSurroundingSpace() {
        assertEquals(
                "Example Corp — Sign-in", titled(" Example Corp — Sign-in ").title());
    }

    @Test
    void aNameTooLongOrWithControlCharactersStopsTheStart() {
        assertThrows(InvalidConfigurationException.class, () -> titled("x".repeat(65)));
        assertThrows(InvalidConfigurationException.class, () -> titled("Example\nCorp"));
        assertEquals(64, titled("x".repeat(64)).title().length());
    }
}
