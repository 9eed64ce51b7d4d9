package dev.authservice.oidc.boundary;

import dev.authservice.oidc.control.SigningKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The facade of the OpenID provider (issue 33), the door for relying parties as AuthBean is for
 * authentication: so far the signing keys' public halves. The flows build on it.
 */
@Stateless
public class OpenIdProvider {

    @Inject
    SigningKeys keys;

    /**
     * The JWK set relying parties verify tokens with (RFC 7517), public halves only. From memory
     * after the first call; the first call of all makes the first key.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String keySet() {
        return keys.published().toString(true);
    }
}
