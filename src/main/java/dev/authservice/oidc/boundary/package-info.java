/**
 * The OpenID provider's door for relying parties' servers: discovery, keys, the token endpoint,
 * UserInfo and revocation (docs/oidc.md). The browser's side (authorize, logout) is the portal's.
 */
package dev.authservice.oidc.boundary;
