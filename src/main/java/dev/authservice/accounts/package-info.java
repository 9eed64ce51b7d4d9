/** Accounts: who may register, what proves who a user is, how their credentials change. */
package dev.authservice.accounts;
