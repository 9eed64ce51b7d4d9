/** Notices by email: telling people what happened to their account (a new device, a lock, a changed password). */
package dev.authservice.notices;
