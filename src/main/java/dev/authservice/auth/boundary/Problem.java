package dev.authservice.auth.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem details response: application/problem+json, never an HTML page. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {
    }

    public static Response.ResponseBuilder response(int status, String detail) {
        return Response.status(status)
                .type(TYPE)
                .header("Cache-Control", "no-store")
                .entity(json(status, detail));
    }

    /** The body, as a string so that no JSON provider has to know the problem+json media type. */
    public static String json(int status, String detail) {
        return JsonFactories.object()
                .add("type", "about:blank")
                .add("title", title(status))
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString();
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
