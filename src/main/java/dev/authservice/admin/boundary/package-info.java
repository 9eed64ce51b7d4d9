/** The admin API and the AdminActions facade, one transaction per use case, each checked and logged. */
package dev.authservice.admin.boundary;
