/** The passkey rules: the relying party's settings, the ceremonies' options and their verification by webauthn4j. */
package dev.authservice.passkeys.control;
