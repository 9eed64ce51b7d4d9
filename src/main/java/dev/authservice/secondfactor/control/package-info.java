/** TOTP codes, recovery codes, and the AES-GCM box and key that seal TOTP secrets. */
package dev.authservice.secondfactor.control;
