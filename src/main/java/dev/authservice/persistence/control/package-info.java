/** The datasource the server pools, schema migrations, and how database failures are recognised. */
package dev.authservice.persistence.control;
