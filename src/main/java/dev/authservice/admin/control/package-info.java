/** The rules of administration: who administers, the last administrator, the first one at deployment. */
package dev.authservice.admin.control;
