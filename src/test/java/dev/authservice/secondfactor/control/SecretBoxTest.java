package dev.authservice.secondfactor.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** TOTP secrets at rest: sealed, bound to their account, useless under another key. */
class SecretBoxTest {

    private final SecretBox box = new SecretBox(new byte[32]);
    private final byte[] secret = Totp.newSecret();

    @Test
    void whatIsSealedOpensForTheSameAccount() {
        assertArrayEquals(secret, box.open(box.seal(secret, "alice"), "alice"));
    }

    @Test
    void theSealedFormShowsNothingOfTheSecretAndNeverRepeats() {
        String sealed = box.seal(secret, "alice");
        assertFalse(sealed.contains(Base32.encode(secret)));
        assertFalse(sealed.contains(Base64.getEncoder().encodeToString(secret)));
        assertNotEquals(sealed, box.seal(secret, "alice"), "a fresh nonce each time");
    }

    @Test
    void aSealedSecretCopiedToAnotherAccountDoesNotOpen() {
        String sealed = box.seal(secret, "alice");
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "mallory"));
    }

    @Test
    void anotherKeyOrATamperedValueDoesNotOpen() {
        String sealed = box.seal(secret, "alice");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(IllegalStateException.class, () -> new SecretBox(otherKey).open(sealed, "alice"));
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        assertThrows(
                IllegalStateException.class, () -> box.open(Base64.getEncoder().encodeToString(bytes), "alice"));
    }

    @Test
    void onlyAes256KeysAreTaken() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
    }
}
