package dev.authservice.accounts.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.configuration.InvalidConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether anyone may register: open by default, closed by default behind a portal, as set when set. */
class RegistrationSettingsTest {

    private static RegistrationSettings settings(String registrationEnabled, String portalUrl) {
        RegistrationSettings settings = new RegistrationSettings();
        settings.registrationEnabled = Optional.ofNullable(registrationEnabled);
        settings.portalUrl = Optional.ofNullable(portalUrl);
        settings.check();
        return settings;
    }

    @Test
    void withoutAPortalAnyoneMayRegister() {
        assertTrue(settings(null, null).registrationEnabled());
    }

    @Test
    void behindAPortalOnlyAdministratorsCreateAccountsUnlessTold() {
        assertFalse(settings(null, "https://auth.example.com").registrationEnabled());
        assertTrue(settings("true", "https://auth.example.com").registrationEnabled());
    }

    @Test
    void closedWhenSetFalseWithOrWithoutAPortal() {
        assertFalse(settings("false", null).registrationEnabled());
        assertFalse(settings("false", "https://auth.example.com").registrationEnabled());
    }

    @Test
    void aValueOtherThanTrueOrFalseStopsTheDeployment() {
        assertThrows(InvalidConfigurationException.class, () -> settings("yes", null));
    }
}
