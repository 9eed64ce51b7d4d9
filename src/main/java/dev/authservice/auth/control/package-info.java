/** Sign-ins under way: a browser's password step waiting for its second factor, and ending every way in of a user at once. */
package dev.authservice.auth.control;
