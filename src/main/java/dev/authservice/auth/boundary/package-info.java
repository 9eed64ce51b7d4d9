/** The door of authentication: the HTTP contract (register, login, logout), the forward-auth check, and the AuthBean facade every other door signs people in through. */
package dev.authservice.auth.boundary;
