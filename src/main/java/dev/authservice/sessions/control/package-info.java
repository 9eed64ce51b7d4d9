/** Every read and write of the session table, its settings, and the purge timer. */
package dev.authservice.sessions.control;
