/** The health, metrics and OpenAPI endpoints the application serves itself. */
package dev.authservice.operations.boundary;
