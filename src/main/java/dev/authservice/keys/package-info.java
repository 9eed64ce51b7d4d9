/**
 * The keys that sign the OpenID provider's tokens: made, sealed, stored for every instance,
 * published and rotated (docs/oidc.md, "Signing keys").
 */
package dev.authservice.keys;
