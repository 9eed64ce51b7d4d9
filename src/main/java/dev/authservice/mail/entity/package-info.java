/** A message waiting in the outbox. */
package dev.authservice.mail.entity;
