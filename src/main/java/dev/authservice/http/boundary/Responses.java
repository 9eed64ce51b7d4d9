package dev.authservice.http.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** What every answer about a session or account shares. */
public final class Responses {

    private Responses() {
    }

    /** Nothing about a session or account may be kept by a cache. */
    public static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
