/** The JSON API's resources and the AuthBean facade, one transaction per use case. */
package dev.authservice.auth.boundary;
