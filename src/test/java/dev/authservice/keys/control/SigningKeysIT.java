package dev.authservice.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.authservice.it.support.InsideTheService;
import dev.authservice.keys.entity.SigningKey;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signing keys on the real database: made once, stored sealed, the same for every reader. */
public class SigningKeysIT extends InsideTheService {

    @Inject
    SigningKeys keys;

    @Inject
    SigningKeyRows rows;

    @Test
    void theFirstUseMakesOneRs256KeyNamedByItsThumbprint() throws Exception {
        RSAKey signing = keys.signing();
        assertEquals("RS256", signing.getAlgorithm().getName());
        assertEquals(SigningKeys.RSA_BITS, signing.size());
        assertEquals(signing.computeThumbprint().toString(), signing.getKeyID());
        assertTrue(signing.isPrivate(), "the signing key has its private half");

        List<JWK> published = keys.published().getKeys();
        assertEquals(1, published.size());
        assertEquals(signing.getKeyID(), published.get(0).getKeyID());
        assertFalse(published.get(0).isPrivate(), "only the public half is published");
    }

    @Test
    void theRowHoldsThePrivateHalfOnlySealed() throws Exception {
        RSAKey signing = keys.signing();
        SigningKey row = rows.all().get(0);
        assertEquals(signing.getKeyID(), row.kid());
        String privateExponent = signing.getPrivateExponent().toString();
        assertFalse(row.sealedJwk().contains(privateExponent), "the private exponent is not stored in the clear");
        assertFalse(row.publicJwk().contains(privateExponent));
        assertFalse(JWK.parse(row.publicJwk()).isPrivate());
    }

    /** Another instance that made a first key too, a moment later: its insert loses, nothing changes. */
    @Test
    void aSecondFirstKeyLosesTheRaceAndTheStoredOneStays() throws Exception {
        String kid = keys.signing().getKeyID();
        SigningKey stored = rows.all().get(0);
        SigningKey rival = new SigningKey(
                stored.generation(),
                "another-kid",
                stored.algorithm(),
                stored.publicJwk(),
                stored.sealedJwk(),
                stored.createdAt());
        assertFalse(rows.add(rival), "the generation is taken");
        assertEquals(1, rows.all().size());
        assertEquals(kid, rows.all().get(0).kid());
        assertNotNull(keys.signing());
        assertEquals(kid, keys.signing().getKeyID());
    }
}
