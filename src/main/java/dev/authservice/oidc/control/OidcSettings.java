package dev.authservice.oidc.control;

import dev.authservice.configuration.Settings;
import dev.authservice.http.control.SignInSettings;
import dev.authservice.keys.control.KeySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys auth.oidc.*: the clients file, and how long access and ID tokens live (KeySettings'); and the
 * issuer, which is auth.portal.url, or http://localhost:&lt;port&gt; in a run without one.
 */
@ApplicationScoped
public class OidcSettings implements Settings {

    /** OpenID Connect's codes live briefly; RFC 9700 and the issue ask for at most a minute. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    @Inject
    KeySettings keys;

    @Inject
    @ConfigProperty(name = "auth.oidc.clients-file")
    Optional<String> clientsFile;

    @Inject
    SignInSettings signIn;

    @Override
    @PostConstruct
    public void check() {
        // auth.oidc.access-token-lifetime is checked by KeySettings, as rotation depends on it too;
        // a clients file is read and checked when it is applied (ClientsFile).
    }

    /** How long an access token, and the ID token issued with it, is good for. */
    public Duration accessTokenLifetime() {
        return keys.tokenLifetime();
    }

    public Optional<String> clientsFile() {
        return clientsFile.filter(f -> !f.isBlank());
    }

    /** The issuer (SignInSettings#issuer): auth.portal.url, or this server on localhost. */
    public String issuer(String contextPath, int localPort) {
        return signIn.issuer(contextPath, localPort);
    }
}
