package dev.authservice.portal.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The portal's defence against cross-site request forgery, for every handler marked
 * {@link CsrfChecked}: the form's {@code csrf} field must match this browser's CSRF cookie and the
 * request must come from the portal's own origin (CsrfCheck has the rule); else the "form
 * expired" page, before the handler runs. It runs after FormBodies, which has bounded and
 * buffered the form, and hands the handler the same bytes. Like FormBodies, a plain provider that
 * looks its collaborator up, so that every JAX-RS implementation registers it.
 */
@Provider
@CsrfChecked
@Priority(Priorities.USER + 100)
public class CsrfFilter implements ContainerRequestFilter {

    static final String FIELD = "csrf";

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        PortalResponses responses = CDI.current().select(PortalResponses.class).get();
        if (!responses.csrfPasses(field(request))) {
            request.abortWith(responses.formExpired());
        }
    }

    /** The form's csrf field; null when the body is no form (FormBodies has refused those, or bounded it). */
    private static String field(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            return null;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        return field(body);
    }

    /** The first csrf field of an application/x-www-form-urlencoded body, decoded; null without one. */
    static String field(byte[] form) {
        for (String pair : new String(form, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (decode(name).equals(FIELD)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A broken %-escape: no field this check could match.
            return "";
        }
    }
}
