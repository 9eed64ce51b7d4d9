/** What every resource shares over HTTP: filters, problem+json, the bounded JSON body, the caller's credentials. */
package dev.authservice.http;
