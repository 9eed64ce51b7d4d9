/** Password hashing with PBKDF2, bounded so that logins cannot starve token checks. */
package dev.authservice.hashing;
