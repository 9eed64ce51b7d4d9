package dev.authservice.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ForwardAuthPathsTest {

    @Test
    void escapedDotsAreSeenAsTheDotsTheServerResolves() {
        assertEquals("/session/../metrics", ForwardAuthPaths.percentDecoded("/session/%2e%2E/metrics"));
        assertEquals("/session/é", ForwardAuthPaths.percentDecoded("/session/%C3%A9"));
    }

    @Test
    void aBrokenEscapeStaysAsItWasSent() {
        assertEquals("/session/%zz/%4", ForwardAuthPaths.percentDecoded("/session/%zz/%4"));
        assertEquals("/session/%٣٣", ForwardAuthPaths.percentDecoded("/session/%٣٣"));
    }
}
