/** Configuration keys checked at deployment, and the one clock every component reads the time from. */
package dev.authservice.configuration;
