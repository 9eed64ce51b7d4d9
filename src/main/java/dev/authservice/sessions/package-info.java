/** Sessions, from login to logout or expiry. */
package dev.authservice.sessions;
