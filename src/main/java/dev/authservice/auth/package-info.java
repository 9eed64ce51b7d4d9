/** The use cases behind the JSON API, each one transaction of the AuthBean facade. */
package dev.authservice.auth;
