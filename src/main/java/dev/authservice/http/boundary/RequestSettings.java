package dev.authservice.http.boundary;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys auth.request.* (how large a request body may be, how many may arrive slowly at once)
 * and auth.http.trusted-proxies (whose word on the client's address is taken).
 */
@ApplicationScoped
public class RequestSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.request.max-body-bytes")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "auth.request.max-slow-bodies")
    int maxSlowBodies;

    /** Comma-separated; read as one string, since Payara's Config cannot inject Optional<List<String>>. */
    @Inject
    @ConfigProperty(name = "auth.http.trusted-proxies")
    Optional<String> trustedProxyEntries;

    private TrustedProxies trustedProxies = TrustedProxies.NONE;

    @Override
    @PostConstruct
    public void check() {
        Ranges ranges = new Ranges()
                .within("auth.request.max-body-bytes", maxBodyBytes, 1_024, 1_048_576)
                .within("auth.request.max-slow-bodies", maxSlowBodies, 1, 1_024);
        try {
            trustedProxies =
                    TrustedProxies.of(List.of(trustedProxyEntries.orElse("").split(",")));
        } catch (IllegalArgumentException notAnAddress) {
            ranges.require(false, "auth.http.trusted-proxies: " + notAnAddress.getMessage());
        }
        ranges.enforce();
    }

    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxSlowBodies() {
        return maxSlowBodies;
    }
}
