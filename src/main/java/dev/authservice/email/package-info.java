/** An account's email address: setting it, verifying it, and finding the account a reset asks for. */
package dev.authservice.email;
