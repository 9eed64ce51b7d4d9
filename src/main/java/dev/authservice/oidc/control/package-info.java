/** The OpenID provider's rules: its signing keys, made once and shared by every instance. */
package dev.authservice.oidc.control;
