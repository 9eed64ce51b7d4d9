package dev.authservice.portal.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys auth.portal.* (where the portal is, where a sign-in may send the browser) and
 * auth.cookie.* (the session cookie's name, domain and Secure flag).
 */
@ApplicationScoped
public class PortalSettings implements Settings {

    private static final Logger LOG = Logger.getLogger(PortalSettings.class.getName());

    /** RFC 6265's cookie-name token, bounded. */
    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

    @Inject
    @ConfigProperty(name = "auth.portal.url")
    Optional<String> url;

    /** Comma-separated; one string, as for auth.http.trusted-proxies. */
    @Inject
    @ConfigProperty(name = "auth.portal.allowed-redirect-domains")
    Optional<String> allowedRedirectDomains;

    @Inject
    @ConfigProperty(name = "auth.portal.default-redirect")
    Optional<String> defaultRedirect;

    @Inject
    @ConfigProperty(name = "auth.cookie.name")
    String cookieName;

    @Inject
    @ConfigProperty(name = "auth.cookie.domain")
    Optional<String> cookieDomain;

    @Inject
    @ConfigProperty(name = "auth.cookie.secure")
    boolean cookieSecure;

    private String portalUrl;
    private String domain;
    private RedirectTargets redirectTargets;

    @Override
    @PostConstruct
    public void check() {
        Ranges ranges = new Ranges();
        ranges.require(
                COOKIE_NAME.matcher(cookieName).matches(),
                "auth.cookie.name must be 1 to 64 characters of an RFC 6265 cookie name");
        domain = cookieDomain
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .map(d -> d.startsWith(".") ? d.substring(1) : d)
                .map(d -> RedirectTargets.normalisedHost(d).orElse(null))
                .orElse(null);
        ranges.require(
                cookieDomain.filter(d -> !d.isBlank()).isEmpty() || domain != null,
                "auth.cookie.domain must be a domain name, such as example.com");
        URI portal = url.filter(u -> !u.isBlank()).map(PortalSettings::baseUrl).orElse(null);
        ranges.require(
                url.filter(u -> !u.isBlank()).isEmpty() || portal != null,
                "auth.portal.url must be an absolute http or https URL without query, fragment or user-info,"
                        + " such as https://auth.example.com");
        String portalHost = null;
        if (portal != null) {
            portalUrl = portal.toString().replaceAll("/+$", "");
            portalHost = RedirectTargets.normalisedHost(portal.getHost()).orElse("");
            ranges.require(
                    !cookieSecure || portal.getScheme().equals("https") || isLoopback(portalHost),
                    "auth.portal.url must be https while auth.cookie.secure=true (browsers drop Secure cookies"
                            + " set over plain HTTP)");
            ranges.require(
                    domain == null || portalHost.equals(domain) || portalHost.endsWith("." + domain),
                    "the host of auth.portal.url must be auth.cookie.domain or under it, or the browser"
                            + " refuses the cookie the portal sets");
        }
        List<String> domains = new ArrayList<>();
        allowedRedirectDomains.ifPresent(list -> domains.addAll(List.of(list.split(","))));
        if (domains.stream().allMatch(String::isBlank)) {
            // Unset: the cookie's domain, where the sign-in counts; else the portal's own host.
            if (domain != null) {
                domains.add(domain);
            } else if (portalHost != null) {
                domains.add(portalHost);
            }
        }
        try {
            redirectTargets = RedirectTargets.of(domains, !cookieSecure);
        } catch (IllegalArgumentException notADomain) {
            ranges.require(false, "auth.portal.allowed-redirect-domains: " + notADomain.getMessage());
        }
        defaultRedirect
                .filter(d -> !d.isBlank())
                .ifPresent(d -> ranges.require(
                        isPathOrHttpUrl(d),
                        "auth.portal.default-redirect must be an http(s) URL or a path starting with one /"));
        ranges.enforce();
        if (!cookieSecure) {
            LOG.warning("auth.cookie.secure=false: the session cookie is sent over plain HTTP. Only for development"
                    + " on localhost; never in production.");
        }
    }

    /** The portal's public base URL without a trailing slash, if configured. */
    public Optional<String> url() {
        return Optional.ofNullable(portalUrl);
    }

    /**
     * Where the portal's pages are, for links and redirects: auth.portal.url, or else the path the
     * service is deployed under on this host (empty at the root).
     */
    public String base(String contextPath) {
        return portalUrl != null ? portalUrl : contextPath;
    }

    /** The sign-in page, with {@code rd} the page to return to (omitted when null). */
    public String signInUrl(String contextPath, String rd) {
        String page = base(contextPath) + "/portal/login";
        return rd == null ? page : page + "?rd=" + URLEncoder.encode(rd, StandardCharsets.UTF_8);
    }

    /** Where a sign-in lands without an allowed rd: auth.portal.default-redirect, or the account page. */
    public String defaultRedirect(String contextPath) {
        return defaultRedirect.filter(d -> !d.isBlank()).orElse(base(contextPath) + "/portal/account");
    }

    /** The origin a form of the portal is posted from, if auth.portal.url says so. */
    public Optional<String> origin() {
        if (portalUrl == null) {
            return Optional.empty();
        }
        URI portal = URI.create(portalUrl);
        return Optional.of(portal.getScheme() + "://" + portal.getRawAuthority().toLowerCase(Locale.ROOT));
    }

    /** The origin of auth.portal.default-redirect, when it is a URL. */
    public Optional<String> defaultRedirectOrigin() {
        return defaultRedirect
                .filter(d -> !d.isBlank() && !d.startsWith("/"))
                .map(PortalSettings::baseUrl)
                .map(u -> u.getScheme() + "://" + u.getRawAuthority());
    }

    public RedirectTargets redirectTargets() {
        return redirectTargets;
    }

    public String cookieName() {
        return cookieName;
    }

    /** The session cookie's Domain attribute, or null for a host-only cookie. */
    public String cookieDomain() {
        return domain;
    }

    public boolean cookieSecure() {
        return cookieSecure;
    }

    private static URI baseUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return null;
            }
            return new URI(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + uri.getRawPath());
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }

    private static boolean isPathOrHttpUrl(String target) {
        if (target.startsWith("/")) {
            return !target.startsWith("//") && !target.contains("\\");
        }
        return baseUrl(target) != null;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1");
    }
}
