package dev.authservice.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.authservice.configuration.InvalidConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrandingTest {

    private static Branding titled(String title) {
        Branding branding = new Branding();
        branding.title = Optional.ofNullable(title);
        branding.check();
        return branding;
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
