/** Making, opening, publishing and rotating the signing keys. */
package dev.authservice.keys.control;
