package dev.authservice.mail.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.authservice.http.control.Branding;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The messages' text, from the Mustache templates in /mail on the class path, the engine of the
 * portal's pages. Plain text: values are written as they are, with line breaks taken out, so
 * that nothing a person typed can add a line to a message.
 */
@ApplicationScoped
public class MailTemplates {

    /** Every message, one template each; its first line is the subject. */
    public enum Template {
        PASSWORD_RESET("password-reset"),
        ADDRESS_VERIFICATION("address-verification"),
        NOTICE("notice");

        private final String file;

        Template(String file) {
            this.file = file;
        }
    }

    /** A composed message. */
    public record Message(String subject, String body) {}

    @Inject
    Branding branding;

    private final Map<Template, Mustache> templates = new EnumMap<>(Template.class);

    @PostConstruct
    void compile() {
        MustacheFactory factory = new DefaultMustacheFactory("mail") {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " "));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        for (Template template : Template.values()) {
            templates.put(template, factory.compile(template.file + ".mustache"));
        }
    }

    /** The message of {@code template} with these values and the service's title. */
    public Message compose(Template template, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("title", branding.title());
        StringWriter text = new StringWriter();
        templates.get(template).execute(text, all);
        String rendered = text.toString();
        int endOfSubject = rendered.indexOf('\n');
        return new Message(
                rendered.substring(0, endOfSubject).strip(),
                rendered.substring(endOfSubject + 1).strip() + "\n");
    }
}
