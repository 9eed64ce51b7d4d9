/** The cryptography of one-time codes: TOTP, recovery codes, sealed secrets. */
package dev.authservice.secondfactor;
