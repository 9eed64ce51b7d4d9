/** The User-Agent parser (ua-parser's uap-java) and the names made from what it finds. */
package dev.authservice.devices.control;
