package dev.authservice.http.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Form bodies (the portal's forms, introspection) bounded as JSON bodies are, by
 * auth.request.max-body-bytes: 413 when larger, before the form is parsed. Like JsonBodyReader, a
 * plain provider that looks its settings up, so that every JAX-RS implementation registers it.
 */
@Provider
public class FormBodyLimit implements ContainerRequestFilter {

    private volatile RequestSettings settings;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
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

    private RequestSettings settings() {
        if (settings == null) {
            settings = CDI.current().select(RequestSettings.class).get();
        }
        return settings;
    }
}
