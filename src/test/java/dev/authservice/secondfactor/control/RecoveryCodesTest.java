package dev.authservice.secondfactor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenCodesOf120RandomBitsInGroupsOfFour() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("([A-Z2-7]{4}-){5}[A-Z2-7]{4}"), code);
            assertTrue(RecoveryCodes.looksLikeOne(code));
        }
    }

    @Test
    void theStoredHashIgnoresDashesSpacesAndCaseButNothingElse() {
        String code = RecoveryCodes.generate().get(0);
        String hash = RecoveryCodes.hash(code);
        assertEquals(64, hash.length());
        assertFalse(hash.contains(code.replace("-", "")));
        assertEquals(hash, RecoveryCodes.hash(code.replace("-", " ").toLowerCase()));
        String other = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        assertFalse(hash.equals(RecoveryCodes.hash(other)));
    }

    @Test
    void sixDigitsAreATotpCodeNotARecoveryCode() {
        assertFalse(RecoveryCodes.looksLikeOne("123456"));
    }
}
