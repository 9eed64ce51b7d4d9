package dev.authservice.http.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Requests to the form endpoints (the portal's forms, introspection): sent as
 * application/x-www-form-urlencoded, else 415 before any field is read, and bounded as JSON bodies
 * are, by auth.request.max-body-bytes: 413 when larger, before the form is parsed. Like
 * JsonBodyReader, a plain provider that looks its settings up, so that every JAX-RS implementation
 * registers it.
 */
@Provider
public class FormBodies implements ContainerRequestFilter {

    private static final String WRONG_TYPE =
            "This resource only accepts Content-Type: application/x-www-form-urlencoded.";

    @Context
    ResourceInfo resource;

    private volatile RequestSettings settings;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        boolean form = type != null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type);
        if (!form) {
            // Without the form's type a server reads no form field (Jersey throws on the first);
            // the client is told what to send instead.
            if (takesForm(resource)
                    && !request.getMethod().equals("GET")
                    && !request.getMethod().equals("HEAD")) {
                request.abortWith(unsupportedType(request));
            }
            return;
        }
        int max = settings().maxBodyBytes();
        if (request.getLength() > max) {
            request.abortWith(new PayloadTooLargeMapper().toResponse(new PayloadTooLargeException(max)));
            return;
        }
        // Without a Content-Length (chunked): read at most one byte more than allowed, and judge.
        byte[] body = request.getEntityStream().readNBytes(max + 1);
        if (body.length > max) {
            request.abortWith(new PayloadTooLargeMapper().toResponse(new PayloadTooLargeException(max)));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static boolean takesForm(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        Consumes consumes = method.isAnnotationPresent(Consumes.class)
                ? method.getAnnotation(Consumes.class)
                : resource.getResourceClass().getAnnotation(Consumes.class);
        return consumes != null && Arrays.asList(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED);
    }

    /** problem+json for API clients; a plain text page for the portal's forms, which people see. */
    private static Response unsupportedType(ContainerRequestContext request) {
        return isPortal(request.getUriInfo())
                ? unsupportedTypePage()
                : Problem.response(415, WRONG_TYPE).build();
    }

    static boolean isPortal(UriInfo uri) {
        return uri != null && uri.getPath().replaceFirst("^/", "").startsWith("portal/");
    }

    static Response unsupportedTypePage() {
        return Response.status(415)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .entity(WRONG_TYPE + "\n")
                .build();
    }

    private RequestSettings settings() {
        if (settings == null) {
            settings = CDI.current().select(RequestSettings.class).get();
        }
        return settings;
    }
}
