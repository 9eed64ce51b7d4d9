package dev.authservice.http.boundary;

import java.net.URI;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * The forward-auth paths for proxies. Envoy's HTTP ext_authz calls /session followed by the
 * original path, with the original method, and treats any 2xx as "allow"; so every method on
 * every path under /session is turned into GET /session before JAX-RS matches a resource, and
 * answers exactly as that does: 200 with a live token, 401 otherwise. OPTIONS and HEAD included.
 */
@Provider
@PreMatching
public class ForwardAuthFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.equals("session") || relative.startsWith("session/")) {
            URI base = request.getUriInfo().getBaseUri();
            request.setRequestUri(base, base.resolve("session"));
            request.setMethod(HttpMethod.GET);
        }
    }
}
