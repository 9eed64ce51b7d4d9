package dev.authservice.auth.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Mounts the JAX-RS resources at the context root, where the README's curl examples (the HTTP contract) expect them. */
@ApplicationPath("/")
public class AuthApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey's own switches; other JAX-RS implementations ignore them.
        return Map.of(
                // Errors answered with setStatus, not sendError(), which would hand the response
                // to the container's HTML error page: our problem+json body is what the client gets.
                "jersey.config.server.response.setStatusOverSendError", true,
                // No /application.wadl and no WADL answers to OPTIONS: they describe the service
                // and name the Jersey version to anyone who asks.
                "jersey.config.server.wadl.disableWadl", true,
                // A form's fields come from its body alone. Jersey on a servlet container reads an
                // empty form body's fields from the request's parameters, which take the query
                // string in: passwords and tokens would work from URLs and access logs.
                // (RESTEasy reads the body alone already.)
                "jersey.config.servlet.form.queryParams.disabled", true,
                // A Location is sent as written: the portal's redirects are absolute URLs on the
                // portal's public address, or paths; Jersey would resolve a path against the
                // address the front end reached the service on, which the browser cannot.
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
