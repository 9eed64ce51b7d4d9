/** The throttle's policy, where its records are kept, and the timer that forgets idle ones. */
package dev.authservice.throttling.control;
