/** The OpenID provider's state: the signing keys. */
package dev.authservice.oidc.entity;
