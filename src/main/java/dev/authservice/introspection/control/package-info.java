/** The introspection clients and how one proves who it is. */
package dev.authservice.introspection.control;
