/** Recovery codes as stored: their SHA-256 only. */
package dev.authservice.secondfactor.entity;
