package dev.authservice.portal.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.authservice.http.control.Branding;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The portal's HTML, rendered on the server from the Mustache templates in /portal on the class
 * path. Every {{value}} is HTML-escaped by the template engine (quotes included, so values are
 * safe in attributes too); no template writes a value unescaped.
 */
@ApplicationScoped
public class PortalPages {

    /** Every page of the portal, one template each. */
    public enum Page {
        LOGIN("login"),
        SECOND_FACTOR("second-factor"),
        LOGOUT("logout"),
        ACCOUNT("account"),
        TOTP_ENROLMENT("totp-enrolment"),
        RECOVERY_CODES("recovery-codes"),
        NEW_PASSKEY("new-passkey"),
        NO_ACCESS("no-access"),
        STEP("step"),
        SIGN_UP("sign-up"),
        FORGOT("forgot"),
        RESET("reset"),
        VERIFY_EMAIL("verify-email"),
        ADMIN_USERS("admin-users"),
        ADMIN_USER("admin-user"),
        ADMIN_DELETE("admin-delete"),
        ADMIN_EVENTS("admin-events"),
        FORM_POST("form-post"),
        MESSAGE("message");

        private final String template;

        Page(String template) {
            this.template = template;
        }
    }

    /** The hover shade style.css writes beside {@link Branding#DEFAULT_ACCENT}. */
    static final String DEFAULT_ACCENT_HOVER = "#17498f";

    @Inject
    Branding branding;

    private final Map<Page, Mustache> templates = new EnumMap<>(Page.class);
    private byte[] styleSheet;
    private byte[] passkeyScript;
    private byte[] formPostScript;

    /** Compiled once, at deployment, with the application's class loader. */
    @PostConstruct
    void compile() {
        MustacheFactory factory = new DefaultMustacheFactory("portal");
        for (Page page : Page.values()) {
            templates.put(page, factory.compile(page.template + ".mustache"));
        }
        // The accent is the deployer's (auth.portal.accent-color); the sheet ships with the default's two shades.
        styleSheet = new String(resource("/portal/style.css"), StandardCharsets.UTF_8)
                .replace(Branding.DEFAULT_ACCENT, branding.accent())
                .replace(DEFAULT_ACCENT_HOVER, branding.accentHover())
                .getBytes(StandardCharsets.UTF_8);
        passkeyScript = resource("/portal/passkeys.js");
        formPostScript = resource("/portal/form-post.js");
    }

    public String render(Page page, Map<String, Object> values) {
        StringWriter html = new StringWriter();
        templates.get(page).execute(html, values);
        return html.toString();
    }

    public byte[] styleSheet() {
        return styleSheet.clone();
    }

    public byte[] passkeyScript() {
        return passkeyScript.clone();
    }

    public byte[] formPostScript() {
        return formPostScript.clone();
    }

    private static byte[] resource(String path) {
        try (InputStream in = PortalPages.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
