/** The OpenID provider's door for relying parties: so far the key set at /oauth2/jwks (docs/oidc.md). */
package dev.authservice.oidc.boundary;
