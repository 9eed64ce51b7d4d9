package dev.authservice.secondfactor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238, its Appendix B vectors for SHA1, the drift window and replay refusal. */
class TotpTest {

    /** The RFC's SHA1 seed, "12345678901234567890" in ASCII. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "at {0} s the 8-digit TOTP is {1}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void rfc6238AppendixBVectors(long epochSeconds, String eightDigits) {
        long step = Totp.stepAt(Instant.ofEpochSecond(epochSeconds));
        assertEquals(Integer.parseInt(eightDigits), Totp.truncated(RFC_SECRET, step) % 100_000_000);
        assertEquals(eightDigits.substring(2), Totp.code(RFC_SECRET, step), "six digits are the last six");
    }

    @Test
    void theStepsOnEitherSideAreAcceptedAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.stepAt(now);
        for (long drift = -1; drift <= 1; drift++) {
            String code = Totp.code(RFC_SECRET, step + drift);
            assertEquals(OptionalLong.of(step + drift), Totp.matchingStep(RFC_SECRET, code, now, 0));
        }
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)
                .isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, 0)
                .isEmpty());
    }

    @Test
    void aCodeOfAStepAlreadyUsedIsRefused() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.stepAt(now);
        String code = Totp.code(RFC_SECRET, step);
        assertEquals(OptionalLong.of(step), Totp.matchingStep(RFC_SECRET, code, now, step - 1));
        assertTrue(Totp.matchingStep(RFC_SECRET, code, now, step).isEmpty(), "replayed");
        assertTrue(
                Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step)
                        .isEmpty(),
                "an older one");
    }

    @Test
    void onlySixDigitsCanMatch() {
        Instant now = Instant.ofEpochSecond(59);
        assertTrue(Totp.matchingStep(RFC_SECRET, "94287082", now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, "28708", now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, null, now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, "abcdef", now, 0).isEmpty());
    }

    @Test
    void secretsAre160RandomBitsAndSurviveBase32() {
        byte[] secret = Totp.newSecret();
        assertEquals(20, secret.length);
        String base32 = Base32.encode(secret);
        assertEquals(32, base32.length());
        assertTrue(base32.matches("[A-Z2-7]+"), "no padding");
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(RFC_SECRET), "RFC 4648 alphabet");
    }
}
