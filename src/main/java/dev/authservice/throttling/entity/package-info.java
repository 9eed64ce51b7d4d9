/** One name's throttle state, and how it moves. */
package dev.authservice.throttling.entity;
