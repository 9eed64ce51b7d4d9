/** An account's state: the user row, and its canonical username. */
package dev.authservice.accounts.entity;
