/** RFC 7662 token introspection for API gateways. */
package dev.authservice.introspection.boundary;
