/** Which notices are on, and how each is composed and queued with the work it tells of. */
package dev.authservice.notices.control;
