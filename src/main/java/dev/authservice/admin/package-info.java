/** Administration: the help desk's door to other people's accounts, groups and the first administrator. */
package dev.authservice.admin;
