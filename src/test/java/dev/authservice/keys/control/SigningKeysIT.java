package dev.authservice.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.authservice.it.support.InsideTheService;
import dev.authservice.keys.entity.SigningKey;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signing keys on the real database: a pair made once, stored sealed, the same for every reader. */
public class SigningKeysIT extends InsideTheService {

    @Inject
    SigningKeys keys;

    @Inject
    SigningKeyRows rows;

    @Test
    void theFirstUseMakesAnRs256AndAnEs256KeyEachNamedByItsThumbprint() throws Exception {
        RSAKey rsa = (RSAKey) keys.signing(JWSAlgorithm.RS256);
        assertEquals("RS256", rsa.getAlgorithm().getName());
        assertEquals(SigningKeys.RSA_BITS, rsa.size());
        assertEquals(rsa.computeThumbprint().toString(), rsa.getKeyID());
        assertTrue(rsa.isPrivate(), "the signing key has its private half");

        ECKey ec = (ECKey) keys.signing(JWSAlgorithm.ES256);
        assertEquals("ES256", ec.getAlgorithm().getName());
        assertEquals(Curve.P_256, ec.getCurve());
        assertEquals(ec.computeThumbprint().toString(), ec.getKeyID());
        assertTrue(ec.isPrivate());

        List<JWK> published = keys.published().getKeys();
        assertEquals(
                List.of(rsa.getKeyID(), ec.getKeyID()),
                published.stream().limit(2).map(JWK::getKeyID).toList(),
                "the newest generation first, RSA before EC");
        published.forEach(key -> assertFalse(key.isPrivate(), "only the public half is published"));
    }

    @Test
    void theRowHoldsThePrivateHalvesOnlySealed() throws Exception {
        RSAKey rsa = (RSAKey) keys.signing(JWSAlgorithm.RS256);
        ECKey ec = (ECKey) keys.signing(JWSAlgorithm.ES256);
        SigningKey row = rows.all().get(0);
        assertEquals(rsa.getKeyID(), row.kid());
        assertEquals(ec.getKeyID(), row.ecKid());
        String privateExponent = rsa.getPrivateExponent().toString();
        assertFalse(row.sealedJwk().contains(privateExponent), "the private exponent is not stored in the clear");
        assertFalse(row.publicJwk().contains(privateExponent));
        assertFalse(JWK.parse(row.publicJwk()).isPrivate());
        String ecPrivate = ec.getD().toString();
        assertFalse(row.ecSealedJwk().contains(ecPrivate), "nor the EC key's");
        assertFalse(row.ecPublicJwk().contains(ecPrivate));
        assertFalse(JWK.parse(row.ecPublicJwk()).isPrivate());
    }

    /** Another instance that gave the same pre-ES256 generation an EC key a moment later: it loses. */
    @Test
    void aSecondEcKeyForAGenerationLosesTheRace() throws Exception {
        SigningKey stored = rows.all().get(0);
        assertFalse(rows.addEcKey(stored.generation(), "another-kid", stored.ecPublicJwk(), stored.ecSealedJwk()));
        assertEquals(stored.ecKid(), rows.all().get(0).ecKid());
    }

    /**
     * A generation stored by a release before ES256 (no EC columns set) gets its EC key the next
     * time the keys are read; here the rotation reads them first.
     */
    @Test
    void aGenerationFromBeforeEs256GetsItsEcKeyWhenTheKeysAreNextRead() {
        SigningKey newest = rows.all().get(0);
        int old = newest.generation() + 1;
        // Its halves are never opened: the rotation makes the next generation, which signs.
        assertTrue(rows.add(new SigningKey(
                old, "pre-es256-" + old, "RS256", newest.publicJwk(), newest.sealedJwk(), newest.createdAt())));
        assertFalse(rows.all().get(0).hasEcKey());

        keys.rotate();

        SigningKey upgraded = rows.all().stream()
                .filter(row -> row.generation() == old)
                .findFirst()
                .orElseThrow();
        assertTrue(upgraded.hasEcKey(), "the old generation got its EC key");
        assertTrue(rows.all().get(0).hasEcKey(), "and the new one was made with its own");
        assertEquals(old + 1, rows.all().get(0).generation());
    }

    /** Another instance that made a first key too, a moment later: its insert loses, nothing changes. */
    @Test
    void aSecondFirstKeyLosesTheRaceAndTheStoredOneStays() throws Exception {
        String kid = keys.signing(JWSAlgorithm.RS256).getKeyID();
        SigningKey stored = rows.all().get(0);
        SigningKey rival = new SigningKey(
                stored.generation(),
                "another-kid",
                stored.algorithm(),
                stored.publicJwk(),
                stored.sealedJwk(),
                stored.createdAt());
        int generations = rows.all().size();
        assertFalse(rows.add(rival), "the generation is taken");
        assertEquals(generations, rows.all().size());
        assertEquals(kid, rows.all().get(0).kid());
        assertNotNull(keys.signing(JWSAlgorithm.RS256));
        assertEquals(kid, keys.signing(JWSAlgorithm.RS256).getKeyID());
    }
}
