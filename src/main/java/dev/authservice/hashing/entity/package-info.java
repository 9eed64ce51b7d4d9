/** A password as typed, normalised and bounded before it is ever hashed. */
package dev.authservice.hashing.entity;
