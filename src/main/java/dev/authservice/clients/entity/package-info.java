/** The registered clients' rows. */
package dev.authservice.clients.entity;
