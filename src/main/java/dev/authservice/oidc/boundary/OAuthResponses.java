package dev.authservice.oidc.boundary;

import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.oidc.control.OAuthError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of the protocol endpoints: OAuth's JSON error object (RFC 6749, section 5.2), not
 * problem+json, since that is what every OAuth client reads; never cached.
 */
final class OAuthResponses {

    private OAuthResponses() {}

    static Response error(OAuthError error, boolean basicChallenge) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(JsonFactories.object()
                        .add("error", error.error())
                        .add("error_description", error.description())
                        .build());
        if (error.status() == 401) {
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    basicChallenge
                            ? "Basic realm=\"auth-service\""
                            : "Bearer error=\"" + error.error() + "\", error_description=\"" + error.description()
                                    + "\"");
        }
        return response.build();
    }

    /** A form's fields, each sent once; a field sent twice is refused (RFC 6749, section 3.2). */
    static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (field.getValue().size() > 1) {
                throw OAuthError.invalidRequest(field.getKey() + " was sent more than once.");
            }
            String value = field.getValue().isEmpty() ? null : field.getValue().get(0);
            if (value != null && !value.isEmpty()) {
                fields.put(field.getKey(), value);
            }
        }
        return fields;
    }
}
