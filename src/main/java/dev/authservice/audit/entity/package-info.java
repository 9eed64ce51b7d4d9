/** Who sent a request, as the audit trail and the session list record it. */
package dev.authservice.audit.entity;
