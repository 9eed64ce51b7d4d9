/** What people call the devices they sign in from: "Chrome on Linux", read from a User-Agent. */
package dev.authservice.devices;
