/** The rules of an account's address, shared by sign-up, the account page, the admin API and the console. */
package dev.authservice.email.control;
