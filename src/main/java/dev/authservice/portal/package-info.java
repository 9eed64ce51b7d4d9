/** The portal: the pages a person in a browser signs in and out with, and what front ends redirect them to. */
package dev.authservice.portal;
