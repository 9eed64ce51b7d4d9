/** How entity attributes are stored: instants as epoch milliseconds. */
package dev.authservice.persistence.entity;
