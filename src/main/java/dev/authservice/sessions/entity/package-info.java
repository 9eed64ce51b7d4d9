/** A session, its lifetimes and its token; the session owns its deadlines. */
package dev.authservice.sessions.entity;
