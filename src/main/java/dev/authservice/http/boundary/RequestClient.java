package dev.authservice.http.boundary;

import jakarta.servlet.http.HttpServletRequest;

import dev.authservice.audit.entity.Client;

/** Who sent a request, as the security log and the session list record it. */
public final class RequestClient {

    private RequestClient() {
    }

    public static Client of(HttpServletRequest request) {
        return new Client(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
