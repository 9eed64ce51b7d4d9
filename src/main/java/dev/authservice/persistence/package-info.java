/** The database behind one datasource: Derby or PostgreSQL, its schema, its outages. */
package dev.authservice.persistence;
