package dev.authservice.auth.boundary;

import jakarta.servlet.http.HttpServletRequest;

import dev.authservice.auth.control.Client;

/** Who sent a request, as the security log and the session list record it. */
final class RequestClient {

    private RequestClient() {
    }

    static Client of(HttpServletRequest request) {
        return new Client(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
