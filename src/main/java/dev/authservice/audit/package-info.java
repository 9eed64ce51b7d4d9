/** The audit trail: what happened to which account, as security-log lines with counters. */
package dev.authservice.audit;
