/** Self-service: a signed-in person's own password, second factor, passkeys, sessions and deletion. */
package dev.authservice.selfservice;
