package dev.authservice.admin.control;

import dev.authservice.accounts.entity.GroupName;
import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys of administration: auth.admin.* (who administers, and how they must have signed in)
 * and auth.bootstrap.admin.* (the first administrator).
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

    public Optional<String> bootstrapUsername() {
        return bootstrapUsername.filter(u -> !u.isBlank());
    }

    public Optional<String> bootstrapPassword() {
        return bootstrapPassword.filter(p -> !p.isEmpty());
    }
}
