/** Token introspection (RFC 7662) for API gateways: which clients may ask. */
package dev.authservice.introspection;
