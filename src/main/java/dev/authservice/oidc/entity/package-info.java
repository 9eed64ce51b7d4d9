/** The OpenID provider's state: authorization codes. */
package dev.authservice.oidc.entity;
