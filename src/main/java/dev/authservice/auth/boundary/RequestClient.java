package dev.authservice.auth.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import dev.authservice.auth.control.Client;

/** Who sent the current request, for the security log. */
@RequestScoped
public class RequestClient {

    @Inject
    HttpServletRequest request;

    @Produces
    Client client() {
        return new Client(request.getRemoteAddr());
    }
}
