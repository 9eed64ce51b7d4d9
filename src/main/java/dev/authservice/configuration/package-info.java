/** What every component reads from its surroundings, checked at deployment: configuration keys, the clock. */
package dev.authservice.configuration;
