/** How mail is queued with the work it tells of, composed from templates, and sent with retries. */
package dev.authservice.mail.control;
