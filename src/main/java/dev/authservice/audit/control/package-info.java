/** Security events, fired where they are decided and recorded once their transaction has ended. */
package dev.authservice.audit.control;
