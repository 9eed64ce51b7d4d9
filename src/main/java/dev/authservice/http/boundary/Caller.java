package dev.authservice.http.boundary;

import dev.authservice.audit.entity.Client;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;

/** Who sent the request, as every resource reads it: the session token it presents, and the client. */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    @Inject
    RequestSettings settings;

    /** The token of the Authorization header (Bearer), or a token-missing or token-invalid refusal (401). */
    public SessionToken sessionToken() {
        return BearerAuthorization.token(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /**
     * The client's address (as a trusted front end names it, see {@link TrustedProxies}) and user
     * agent, as the security log and the session list record them.
     */
    public Client client() {
        String address = settings.trustedProxies()
                .clientAddress(
                        request.getRemoteAddr(), request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"));
        return new Client(address, request.getHeader("User-Agent"));
    }
}
