/** Servlet filters, JAX-RS providers and exception mappers shared by every resource. */
package dev.authservice.http.boundary;
