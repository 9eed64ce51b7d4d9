/** The devices people sign in from: what to call them ("Chrome on Linux"), and which each account has used. */
package dev.authservice.devices;
