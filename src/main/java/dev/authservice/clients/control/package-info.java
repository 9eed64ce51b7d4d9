/** Registering clients, authenticating them, and the redirect URI rules. */
package dev.authservice.clients.control;
