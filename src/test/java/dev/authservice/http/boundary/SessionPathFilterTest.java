package dev.authservice.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionPathFilterTest {

    @Test
    void escapedDotsAreSeenAsTheDotsTheServerResolves() {
        assertEquals("/session/../metrics", SessionPathFilter.percentDecoded("/session/%2e%2E/metrics"));
        assertEquals("/session/é", SessionPathFilter.percentDecoded("/session/%C3%A9"));
    }

    @Test
    void aBrokenEscapeStaysAsItWasSent() {
        assertEquals("/session/%zz/%4", SessionPathFilter.percentDecoded("/session/%zz/%4"));
        assertEquals("/session/%٣٣", SessionPathFilter.percentDecoded("/session/%٣٣"));
    }
}
