/** Authentication itself: registering, logging in and out, the token check, the sign-in steps of browsers and passkeys. The AuthBean facade runs each as one transaction. */
package dev.authservice.auth;
