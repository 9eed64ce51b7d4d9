package dev.authservice.it.oidc.jwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * A MicroProfile JWT service with no authentication code of its own: it takes auth-service's
 * access tokens, verified against the published keys (META-INF/microprofile-config.properties).
 */
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("/")
@ApplicationScoped
@DeclareRoles({"finance"})
public class ReportsApi extends Application {}
