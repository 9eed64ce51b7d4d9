package dev.authservice.portal.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import dev.authservice.http.control.SignInSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's own keys: auth.portal.allowed-redirect-domains and auth.portal.default-redirect
 * (where a sign-in may send the browser). Where the portal is and its cookie are
 * {@link SignInSettings}'.
 */
@ApplicationScoped
public class PortalSettings implements Settings {

    /** Comma-separated; one string, as for auth.http.trusted-proxies. */
    @Inject
    @ConfigProperty(name = "auth.portal.allowed-redirect-domains")
    Optional<String> allowedRedirectDomains;

    @Inject
    @ConfigProperty(name = "auth.portal.default-redirect")
    Optional<String> defaultRedirect;

    @Inject
    SignInSettings signIn;

    private RedirectTargets redirectTargets;

    @Override
    @PostConstruct
    public void check() {
        Ranges ranges = new Ranges();
        List<String> domains = new ArrayList<>();
        allowedRedirectDomains.ifPresent(list -> domains.addAll(List.of(list.split(","))));
        if (domains.stream().allMatch(String::isBlank)) {
            // Unset: the cookie's domain, where the sign-in counts; else the portal's own host.
            if (signIn.cookieDomain() != null) {
                domains.add(signIn.cookieDomain());
            } else {
                signIn.portalHost().ifPresent(domains::add);
            }
        }
        try {
            redirectTargets = RedirectTargets.of(domains, !signIn.cookieSecure());
        } catch (IllegalArgumentException notADomain) {
            ranges.require(false, "auth.portal.allowed-redirect-domains: " + notADomain.getMessage());
        }
        defaultRedirect
                .filter(d -> !d.isBlank())
                .ifPresent(d -> ranges.require(
                        isPathOrHttpUrl(d),
                        "auth.portal.default-redirect must be an http(s) URL or a path starting with one /"));
        ranges.enforce();
    }

    /** Where a sign-in lands without an allowed rd: auth.portal.default-redirect, or the account page. */
    public String defaultRedirect(String contextPath) {
        return defaultRedirect.filter(d -> !d.isBlank()).orElse(signIn.base(contextPath) + "/portal/account");
    }

    /** The origin of auth.portal.default-redirect, when it is a URL. */
    public Optional<String> defaultRedirectOrigin() {
        return defaultRedirect
                .filter(d -> !d.isBlank() && !d.startsWith("/"))
                .map(SignInSettings::httpUrl)
                .map(u -> u.getScheme() + "://" + u.getRawAuthority());
    }

    public RedirectTargets redirectTargets() {
        return redirectTargets;
    }

    private static boolean isPathOrHttpUrl(String target) {
        if (target.startsWith("/")) {
            return !target.startsWith("//") && !target.contains("\\");
        }
        return SignInSettings.httpUrl(target) != null;
    }
}
