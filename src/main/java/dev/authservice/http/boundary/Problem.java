package dev.authservice.http.boundary;

import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An RFC 9457 problem details response: application/problem+json, never an HTML page. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {}

    public static Response.ResponseBuilder response(int status, String detail) {
        return response(status, detail, Map.of());
    }

    /** With RFC 9457 extension members, such as {@code "mfa_required": true}. */
    public static Response.ResponseBuilder response(int status, String detail, Map<String, Boolean> extensions) {
        return Response.status(status).type(TYPE).entity(json(status, detail, extensions));
    }

    /** Writes the problem straight to a servlet response, for answers given outside JAX-RS. */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, detail));
    }

    /** The body, as a string so that no JSON provider has to know the problem+json media type. */
    public static String json(int status, String detail) {
        return json(status, detail, Map.of());
    }

    private static String json(int status, String detail, Map<String, Boolean> extensions) {
        JsonObjectBuilder problem = JsonFactories.object()
                .add("type", "about:blank")
                .add("title", title(status))
                .add("status", status)
                .add("detail", detail);
        extensions.forEach(problem::add);
        return problem.build().toString();
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            default -> Response.Status.Family.familyOf(status).name();
        };
    }
}
