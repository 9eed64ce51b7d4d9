/** Email: the mail server's settings, the outbox every instance sends from, and the messages' templates. */
package dev.authservice.mail;
