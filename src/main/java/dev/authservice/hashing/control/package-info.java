/** The hasher, the gate that bounds concurrent hashing, and their settings and metrics. */
package dev.authservice.hashing.control;
