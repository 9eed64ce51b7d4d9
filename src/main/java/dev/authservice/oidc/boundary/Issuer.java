package dev.authservice.oidc.boundary;

import dev.authservice.oidc.control.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The issuer as a request sees it: auth.portal.url, or this server on localhost (OidcSettings). */
@ApplicationScoped
public class Issuer {

    @Inject
    OidcSettings settings;

    public String of(HttpServletRequest request) {
        return settings.issuer(request.getContextPath(), request.getLocalPort());
    }
}
