/** The account rules: registration, proofs of a password and a one-time code, the second factor's life. */
package dev.authservice.accounts.control;
