package dev.authservice.http.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the portal looks as the company's rather than ours.
 *
 * <ul>
 *   <li>auth.portal.title: the name people see for this service: in the portal's tab titles, as
 *       the issuer their authenticator app lists the TOTP key under, and as the name the
 *       browser's passkey prompt shows;
 *   <li>auth.portal.logo-url: a logo above each page, on the portal's own origin (a path, or an
 *       https URL of auth.portal.url's origin), so the pages' content security policy (img-src
 *       'self') stays as it is and no page loads from elsewhere;
 *   <li>auth.portal.accent-color: the buttons', links' and focus ring's colour, #rrggbb, dark
 *       enough for white text on it (WCAG 2.1 AA, 4.5:1), which also makes it readable as link
 *       text on white.
 * </ul>
 */
@ApplicationScoped
public class Branding implements Settings {

    /** What people see unless the deployer names the service. */
    public static final String DEFAULT_TITLE = "auth-service";

    /** The default accent: 6:1 against white. */
    public static final String DEFAULT_ACCENT = "#1f5fbf";

    /** Authenticator apps and passkey prompts show a short name; a longer one is cut off there. */
    static final int MAX_TITLE = 64;

    static final int MAX_LOGO_URL = 512;

    /** WCAG 2.1 1.4.3: normal text needs 4.5:1. */
    static final double MIN_CONTRAST = 4.5;

    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Inject
    @ConfigProperty(name = "auth.portal.title")
    Optional<String> title;

    @Inject
    @ConfigProperty(name = "auth.portal.logo-url")
    Optional<String> logoUrl;

    @Inject
    @ConfigProperty(name = "auth.portal.accent-color")
    Optional<String> accentColor;

    @Inject
    @ConfigProperty(name = "auth.portal.url")
    Optional<String> portalUrl;

    private String checkedTitle = DEFAULT_TITLE;
    private String checkedLogo;
    private String checkedAccent = DEFAULT_ACCENT;

    @Override
    @PostConstruct
    public void check() {
        String given = given(title).orElse(DEFAULT_TITLE);
        Optional<String> logo = given(logoUrl);
        String accent = given(accentColor).orElse(DEFAULT_ACCENT);
        boolean accentIsColour = HEX_COLOUR.matcher(accent).matches();
        new Ranges()
                .require(
                        given.codePointCount(0, given.length()) <= MAX_TITLE
                                && given.codePoints().noneMatch(Character::isISOControl),
                        "auth.portal.title must be at most " + MAX_TITLE + " characters, with no control characters")
                .require(
                        logo.map(this::onThePortalsOrigin).orElse(true),
                        "auth.portal.logo-url must be a path on the portal (/brand/logo.svg) or an https URL of"
                                + " auth.portal.url's origin, at most " + MAX_LOGO_URL + " characters")
                .require(accentIsColour, "auth.portal.accent-color must be a colour as #rrggbb")
                .require(
                        !accentIsColour || contrastWithWhite(accent) >= MIN_CONTRAST,
                        "auth.portal.accent-color " + accent + " is too light for white text on it: "
                                + String.format(Locale.ROOT, "%.1f", accentIsColour ? contrastWithWhite(accent) : 0)
                                + ":1, and WCAG asks at least 4.5:1")
                .enforce();
        checkedTitle = given;
        checkedLogo = logo.orElse(null);
        checkedAccent = accent.toLowerCase(Locale.ROOT);
    }

    /** The service's name as people see it. */
    public String title() {
        return checkedTitle;
    }

    /** The logo's address, if one is configured. */
    public Optional<String> logoUrl() {
        return Optional.ofNullable(checkedLogo);
    }

    /** The accent colour, #rrggbb in lower case. */
    public String accent() {
        return checkedAccent;
    }

    /** The accent a quarter darker: a button under the pointer. */
    public String accentHover() {
        int rgb = Integer.parseInt(checkedAccent.substring(1), 16);
        int r = (rgb >> 16 & 0xff) * 3 / 4;
        int g = (rgb >> 8 & 0xff) * 3 / 4;
        int b = (rgb & 0xff) * 3 / 4;
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** WCAG 2.1's contrast ratio of white against this #rrggbb colour. */
    static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double luminance =
                0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
        return 1.05 / (luminance + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** A path of the portal, or an https URL of the portal's origin; nothing that could leave it. */
    private boolean onThePortalsOrigin(String url) {
        if (url.length() > MAX_LOGO_URL
                || url.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))
                || url.contains("\\")) {
            return false;
        }
        if (url.startsWith("/")) {
            return !url.startsWith("//");
        }
        try {
            URI logo = new URI(url);
            URI portal = new URI(portalUrl.orElse(""));
            return "https".equals(logo.getScheme())
                    && logo.getRawUserInfo() == null
                    && portal.getHost() != null
                    && portal.getScheme().equals(logo.getScheme())
                    && portal.getHost().equalsIgnoreCase(logo.getHost())
                    && portal.getPort() == logo.getPort();
        } catch (java.net.URISyntaxException unreadable) {
            return false;
        }
    }

    private static Optional<String> given(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
