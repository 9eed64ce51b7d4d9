/**
 * The relying parties registered with the OpenID provider: their metadata, their secrets (as
 * hashes) and the rules their redirect URIs keep (docs/oidc.md, "Clients").
 */
package dev.authservice.clients;
