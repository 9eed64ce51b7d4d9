/** What every door needs to know of the browser: where people sign in, the session cookie, host names. */
package dev.authservice.http.control;
