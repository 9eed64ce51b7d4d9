/** The signing keys' rows. */
package dev.authservice.keys.entity;
