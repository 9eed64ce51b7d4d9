package dev.authservice.http.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown path, wrong method, wrong media type) as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        // A portal form sent with another type: the same plain page whichever layer refused it.
        if (status == 415 && FormBodies.isPortal(uri)) {
            return FormBodies.unsupportedTypePage();
        }
        Response.ResponseBuilder problem = Problem.response(status, detail(status));
        // 405 must keep its Allow header (RFC 9110 §15.5.6).
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            problem.header(HttpHeaders.ALLOW, allow);
        }
        return problem.build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "There is no resource at this path.";
            case 405 -> "This method is not allowed on this resource; see the Allow header.";
            case 406 -> "This resource only produces application/json.";
            case 415 -> "This resource does not accept this Content-Type; the OpenAPI document names the one it takes.";
            default -> "The request could not be processed.";
        };
    }
}
