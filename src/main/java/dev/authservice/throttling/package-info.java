/** Brute-force throttling per account name, shared by every instance on the database. */
package dev.authservice.throttling;
