/**
 * The OpenID provider, the door for applications that speak OpenID Connect (issue 33, being
 * built; docs/oidc.md): so far its signing keys and the key set at /oauth2/jwks.
 */
package dev.authservice.oidc;
