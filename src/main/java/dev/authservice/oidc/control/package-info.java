/** The OpenID provider's rules: authorization requests, codes, tokens, the clients file. */
package dev.authservice.oidc.control;
