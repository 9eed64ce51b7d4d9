package dev.authservice.http.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads the body of every resource method that takes a {@link JsonBody}, bounded by
 * auth.request.max-body-bytes, and only when it is sent as application/json. What it refuses (400,
 * 413, 415) the body refuses when the resource first asks it for a field.
 */
@Provider
// application/json named, not only */*: providers are chosen by media type before Java type, and
// the server's own JSON-B reader, which takes any class, names application/json.
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonBodyReader implements MessageBodyReader<JsonBody> {

    /** Looked up once, on first use: JAX-RS, not CDI, creates this provider. */
    private volatile RequestSettings settings;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonBody.class;
    }

    @Override
    public JsonBody readFrom(
            Class<JsonBody> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        if (settings == null) {
            settings = CDI.current().select(RequestSettings.class).get();
        }
        // Sent without a Content-Type, a body is still handed here; any web page can make a
        // browser send one that way (fetch with no-cors), which a JSON endpoint must not accept.
        if (headers.getFirst(HttpHeaders.CONTENT_TYPE) == null
                || !"application".equalsIgnoreCase(mediaType.getType())
                || !"json".equalsIgnoreCase(mediaType.getSubtype())) {
            return JsonBody.unreadable(new NotSupportedException());
        }
        return JsonBody.read(body, settings.maxBodyBytes());
    }
}
