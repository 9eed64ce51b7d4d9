/** The browsers an account has signed in from. */
package dev.authservice.devices.entity;
