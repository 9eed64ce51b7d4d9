package dev.authservice.http.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * auth.portal.title: the name people see for this service, the company's rather than ours: in
 * the portal's tab titles, as the issuer their authenticator app lists the TOTP key under, and as
 * the name the browser's passkey prompt shows.
 */
@ApplicationScoped
public class Branding implements Settings {

    /** What people see unless the deployer names the service. */
    public static final String DEFAULT_TITLE = "auth-service";

    /** Authenticator apps and passkey prompts show a short name; a longer one is cut off there. */
    static final int MAX_TITLE = 64;

    @Inject
    @ConfigProperty(name = "auth.portal.title")
    Optional<String> title;

    private String checkedTitle = DEFAULT_TITLE;

    @Override
    @PostConstruct
    public void check() {
        String given = title.map(String::strip).filter(t -> !t.isEmpty()).orElse(DEFAULT_TITLE);
        new Ranges()
                .require(
                        given.codePointCount(0, given.length()) <= MAX_TITLE
                                && given.codePoints().noneMatch(Character::isISOControl),
                        "auth.portal.title must be at most " + MAX_TITLE + " characters, with no control characters")
                .enforce();
        checkedTitle = given;
    }

    /** The service's name as people see it. */
    public String title() {
        return checkedTitle;
    }
}
