/** The endpoints operators watch: health, metrics, OpenAPI, at the same paths on every server. */
package dev.authservice.operations;
