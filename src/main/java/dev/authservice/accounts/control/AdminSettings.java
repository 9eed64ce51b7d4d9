package dev.authservice.accounts.control;

import dev.authservice.accounts.entity.GroupName;
import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys of administration: auth.admin.* (who administers, and how they must have signed in),
 * auth.registration.enabled, and auth.bootstrap.admin.* (the first administrator).
 *
 * <p>Registration is open by default only where no portal is configured: behind a front end, an
 * account is a way into every application under the cookie's domain, so with auth.portal.url set
 * only administrators create accounts unless auth.registration.enabled says otherwise.
 */
@ApplicationScoped
public class AdminSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.admin.group")
    String adminGroup;

    @Inject
    @ConfigProperty(name = "auth.admin.require-second-factor")
    boolean requireSecondFactor;

    @Inject
    @ConfigProperty(name = "auth.registration.enabled")
    Optional<String> registrationEnabled;

    @Inject
    @ConfigProperty(name = "auth.portal.url")
    Optional<String> portalUrl;

    @Inject
    @ConfigProperty(name = "auth.bootstrap.admin.username")
    Optional<String> bootstrapUsername;

    @Inject
    @ConfigProperty(name = "auth.bootstrap.admin.password")
    Optional<String> bootstrapPassword;

    @Override
    @PostConstruct
    public void check() {
        new Ranges()
                .require(
                        GroupName.isValid(adminGroup),
                        "auth.admin.group must be 1 to 64 characters of a-z, 0-9, '.', '_' and '-'")
                .require(
                        registrationEnabled
                                .map(v -> v.equals("true") || v.equals("false"))
                                .orElse(true),
                        "auth.registration.enabled must be true or false")
                .require(
                        bootstrapUsername().isPresent() == bootstrapPassword().isPresent(),
                        "auth.bootstrap.admin.username and auth.bootstrap.admin.password go together:"
                                + " set both or neither")
                .enforce();
    }

    public String adminGroup() {
        return adminGroup;
    }

    public boolean requireSecondFactor() {
        return requireSecondFactor;
    }

    public boolean registrationEnabled() {
        return registrationEnabled
                .map(Boolean::parseBoolean)
                .orElse(portalUrl.filter(url -> !url.isBlank()).isEmpty());
    }

    public Optional<String> bootstrapUsername() {
        return bootstrapUsername.filter(u -> !u.isBlank());
    }

    public Optional<String> bootstrapPassword() {
        return bootstrapPassword.filter(p -> !p.isEmpty());
    }
}
