/** A sign-in waiting for its second factor; it owns its deadline. */
package dev.authservice.auth.entity;
