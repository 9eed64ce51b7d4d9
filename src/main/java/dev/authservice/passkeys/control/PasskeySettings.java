package dev.authservice.passkeys.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import dev.authservice.http.control.HostNames;
import dev.authservice.http.control.SignInSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys auth.webauthn.*: the relying-party id (default: the host of auth.portal.url) and
 * whether a passkey alone may sign in. The allowed origin is always the portal's own.
 */
@ApplicationScoped
public class PasskeySettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.webauthn.rp-id")
    Optional<String> rpId;

    @Inject
    @ConfigProperty(name = "auth.webauthn.passwordless")
    boolean passwordless;

    @Inject
    @ConfigProperty(name = "auth.webauthn.max-open-sign-ins")
    int maxOpenSignIns;

    @Inject
    SignInSettings portal;

    private String configuredRpId;

    @Override
    @PostConstruct
    public void check() {
        Ranges ranges = new Ranges();
        ranges.require(
                maxOpenSignIns >= 100 && maxOpenSignIns <= 1_000_000,
                "auth.webauthn.max-open-sign-ins must be 100 to 1,000,000");
        Optional<String> typed = rpId.map(String::strip).filter(id -> !id.isEmpty());
        configuredRpId = typed.flatMap(HostNames::normalised).orElse(null);
        ranges.require(
                typed.isEmpty() || configuredRpId != null,
                "auth.webauthn.rp-id must be a domain name, such as example.com");
        if (configuredRpId != null) {
            Optional<String> portalHost = portal.origin().map(o -> URI.create(o).getHost());
            ranges.require(
                    portalHost.isEmpty() || isAtOrUnder(portalHost.get(), configuredRpId),
                    "auth.webauthn.rp-id must be the host of auth.portal.url or a domain above it (browsers"
                            + " refuse any other)");
            String cookieDomain = portal.cookieDomain();
            ranges.require(
                    cookieDomain == null || isAtOrUnder(configuredRpId, cookieDomain),
                    "auth.webauthn.rp-id must be auth.cookie.domain or under it");
        }
        ranges.enforce();
    }

    /**
     * The relying party of the portal: its configured origin, or else the origin this request
     * addressed (development on localhost); the id configured, or else that origin's host.
     */
    public RelyingParty relyingParty(String addressedOrigin) {
        String origin = portal.origin().orElse(addressedOrigin);
        RelyingParty ofOrigin = RelyingParty.ofOrigin(origin);
        return configuredRpId == null ? ofOrigin : new RelyingParty(configuredRpId, origin);
    }

    /** auth.webauthn.max-open-sign-ins: passkey-alone sign-in challenges the table holds at most. */
    public int maxOpenSignIns() {
        return maxOpenSignIns;
    }

    /** auth.webauthn.passwordless: whether the sign-in page offers a passkey alone. */
    public boolean passwordless() {
        return passwordless;
    }

    private static boolean isAtOrUnder(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
