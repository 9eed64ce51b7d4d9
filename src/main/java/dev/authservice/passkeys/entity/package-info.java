/** A registered passkey's public data, and a ceremony's challenge with its deadline. */
package dev.authservice.passkeys.entity;
