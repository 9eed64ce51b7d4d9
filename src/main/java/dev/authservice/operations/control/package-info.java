/** MicroProfile Health checks, on servers that have MicroProfile Health. */
package dev.authservice.operations.control;
