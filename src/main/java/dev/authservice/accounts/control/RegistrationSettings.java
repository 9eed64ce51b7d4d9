package dev.authservice.accounts.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * auth.registration.enabled: whether anyone may create an account with POST /register.
 *
 * <p>Open by default only where no portal is configured: behind a front end, an account is a way
 * into every application under the cookie's domain, so with auth.portal.url set only
 * administrators create accounts unless auth.registration.enabled says otherwise.
 */
@ApplicationScoped
public class RegistrationSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.registration.enabled")
    Optional<String> registrationEnabled;

    @Inject
    @ConfigProperty(name = "auth.portal.url")
    Optional<String> portalUrl;

    @Override
    @PostConstruct
    public void check() {
        new Ranges()
                .require(
                        registrationEnabled
                                .map(v -> v.equals("true") || v.equals("false"))
                                .orElse(true),
                        "auth.registration.enabled must be true or false")
                .enforce();
    }

    public boolean registrationEnabled() {
        return registrationEnabled
                .map(Boolean::parseBoolean)
                .orElse(portalUrl.filter(url -> !url.isBlank()).isEmpty());
    }
}
