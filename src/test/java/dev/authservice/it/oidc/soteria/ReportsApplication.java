package dev.authservice.it.oidc.soteria;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * A relying party with no authentication code of its own: Jakarta Security's OpenID Connect
 * mechanism, pointed at auth-service, exactly as docs/oidc.md shows it. The values come from
 * system properties of the server that runs it ({@link RelyingPartySettings}).
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${relyingPartySettings.provider}",
        clientId = "${relyingPartySettings.clientId}",
        clientSecret = "${relyingPartySettings.clientSecret}",
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = true,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/signed-out"))
@DeclareRoles({"finance"})
@ApplicationScoped
public class ReportsApplication {}
