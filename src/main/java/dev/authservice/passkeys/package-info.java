/**
 * Passkeys (WebAuthn Level 2): registering one, signing in with one as the second factor or alone,
 * and the challenges that bind each ceremony to this service, one use each.
 */
package dev.authservice.passkeys;
