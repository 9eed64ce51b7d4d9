package dev.authservice.auth.boundary;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the JAX-RS resources at the context root, where the spec's curl examples expect them. */
@ApplicationPath("/")
public class AuthApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Without this Jersey answers some errors with sendError(), which hands the response to
        // the container's HTML error page; with it our problem+json body is what the client gets.
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
