package dev.authservice.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.entity.SessionToken;
import org.junit.jupiter.api.Test;

class BearerAuthorizationTest {

    private final String token = SessionToken.generate().value();

    @Test
    void readsTheTokenOfABearerHeader() {
        assertEquals(token, BearerAuthorization.token("Bearer " + token).value());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertEquals(token, BearerAuthorization.token("bearer " + token).value());
        assertEquals(token, BearerAuthorization.token("BEARER " + token).value());
    }

    private static boolean tokenSent(String header) {
        return assertThrows(Refusal.class, () -> BearerAuthorization.token(header))
                        .reason()
                == Refusal.Reason.TOKEN_INVALID;
    }

    @Test
    void aMissingHeaderOrAnotherSchemeMeansNoTokenWasSent() {
        assertFalse(tokenSent(null));
        assertFalse(tokenSent(""));
        assertFalse(tokenSent("Basic dXNlcjpwYXNz"));
        assertFalse(tokenSent("Bearertoken"));
    }

    @Test
    void aBearerHeaderWithAMalformedTokenIsAnInvalidToken() {
        assertTrue(tokenSent("Bearer "));
        assertTrue(tokenSent("Bearer not a token"));
        assertTrue(tokenSent("Bearer " + token + "="));
        assertTrue(tokenSent("Bearer " + token + " extra"));
    }
}
