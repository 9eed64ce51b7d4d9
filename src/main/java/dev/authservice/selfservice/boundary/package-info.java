/** The self-service JSON API and the SelfService facade, which the account page calls too. */
package dev.authservice.selfservice.boundary;
