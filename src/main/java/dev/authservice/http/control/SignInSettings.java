package dev.authservice.http.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys auth.portal.url (where people sign in) and auth.cookie.* (the session cookie's name,
 * domain and Secure flag): what the forward-auth check, passkeys and the portal all need, so it
 * lives below all of them. The portal's own keys are in PortalSettings.
 */
@ApplicationScoped
public class SignInSettings implements Settings {

    private static final Logger LOG = Logger.getLogger(SignInSettings.class.getName());

    /** RFC 6265's cookie-name token, bounded. */
    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

    @Inject
    @ConfigProperty(name = "auth.portal.url")
    Optional<String> url;

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
    private String portalHost;
    private String domain;

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
                .map(d -> HostNames.normalised(d).orElse(null))
                .orElse(null);
        ranges.require(
                cookieDomain.filter(d -> !d.isBlank()).isEmpty() || domain != null,
                "auth.cookie.domain must be a domain name, such as example.com");
        URI portal = url.filter(u -> !u.isBlank()).map(SignInSettings::httpUrl).orElse(null);
        ranges.require(
                url.filter(u -> !u.isBlank()).isEmpty() || portal != null,
                "auth.portal.url must be an absolute http or https URL without query, fragment or user-info,"
                        + " such as https://auth.example.com");
        if (portal != null) {
            portalUrl = portal.toString().replaceAll("/+$", "");
            portalHost = HostNames.normalised(portal.getHost()).orElse("");
            ranges.require(
                    !cookieSecure || portal.getScheme().equals("https") || isLoopback(portalHost),
                    "auth.portal.url must be https while auth.cookie.secure=true (browsers drop Secure cookies"
                            + " set over plain HTTP)");
            ranges.require(
                    domain == null || portalHost.equals(domain) || portalHost.endsWith("." + domain),
                    "the host of auth.portal.url must be auth.cookie.domain or under it, or the browser"
                            + " refuses the cookie the portal sets");
        }
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

    /** The host of auth.portal.url, normalised, if configured. */
    public Optional<String> portalHost() {
        return Optional.ofNullable(portalHost);
    }

    /**
     * Where the portal's pages are, for links and redirects: auth.portal.url, or else the path the
     * service is deployed under on this host (empty at the root).
     */
    public String base(String contextPath) {
        return portalUrl != null ? portalUrl : contextPath;
    }

    /**
     * The OpenID provider's issuer: auth.portal.url, else this server on localhost, so that the
     * default run serves a relying party on the same machine. Relying parties compare it as a
     * string, so it never ends in a slash.
     */
    public String issuer(String contextPath, int localPort) {
        return portalUrl != null ? portalUrl : "http://localhost:" + localPort + contextPath;
    }

    /** The sign-in page, with {@code rd} the page to return to (omitted when null). */
    public String signInUrl(String contextPath, String rd) {
        String page = base(contextPath) + "/portal/login";
        return rd == null ? page : page + "?rd=" + URLEncoder.encode(rd, StandardCharsets.UTF_8);
    }

    /**
     * The portal's "no access" page for a browser refused at {@code rd} (null: unknown) for want of
     * one of {@code groups}, which the page names.
     */
    public String noAccessUrl(String contextPath, String rd, List<String> groups) {
        StringBuilder page = new StringBuilder(base(contextPath)).append("/portal/no-access");
        String separator = "?";
        if (rd != null) {
            page.append(separator).append("rd=").append(URLEncoder.encode(rd, StandardCharsets.UTF_8));
            separator = "&";
        }
        for (String group : groups) {
            page.append(separator).append("group=").append(URLEncoder.encode(group, StandardCharsets.UTF_8));
            separator = "&";
        }
        return page.toString();
    }

    /** The origin a form of the portal is posted from, if auth.portal.url says so. */
    public Optional<String> origin() {
        if (portalUrl == null) {
            return Optional.empty();
        }
        URI portal = URI.create(portalUrl);
        return Optional.of(portal.getScheme() + "://" + portal.getRawAuthority().toLowerCase(Locale.ROOT));
    }

    /**
     * The name of the cookie that tells one browser from another for new-device notices: with the
     * {@code __Host-} prefix whenever cookies are Secure.
     */
    public String deviceCookieName() {
        return cookieSecure() ? "__Host-auth_device" : "auth_device";
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

    /** An absolute http(s) URL without user-info, query or fragment, scheme and authority in lower case; else null. */
    public static URI httpUrl(String text) {
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

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1");
    }
}
