/** The portal's rules: its settings, where a sign-in may send a browser, its cookies, CSRF and pages. */
package dev.authservice.portal.control;
