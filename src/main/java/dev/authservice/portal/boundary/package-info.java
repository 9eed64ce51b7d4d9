/** The portal's pages: sign-in, second factor, sign-out, no access, and the account page; they call AuthBean and SelfService. */
package dev.authservice.portal.boundary;
