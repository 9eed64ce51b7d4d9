package dev.authservice.auth.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final Username ALICE = Username.canonical("alice");

    private static String refusal(String password) {
        return assertThrows(WeakPasswordException.class, () -> POLICY.check(ALICE, PasswordPolicy.normalize(password))).detail();
    }

    @Test
    void theSpecsExamplePasswordIsAccepted() {
        assertDoesNotThrow(() -> POLICY.check(Username.canonical("testuser"), "testpassword"));
    }

    @Test
    void lengthIsCountedInCodePoints() {
        assertTrue(refusal("1234567").contains("at least 8"));
        // four emoji are eight UTF-16 chars but four characters
        assertTrue(refusal("😀😀😀😀").contains("at least 8"));
        assertDoesNotThrow(() -> POLICY.check(ALICE, "😀😀😀😀😀😀😀x"));
    }

    @Test
    void atLeast64AndAtMost1024CharactersAreAllowed() {
        assertDoesNotThrow(() -> POLICY.check(ALICE, "q".repeat(63) + "z"));
        assertDoesNotThrow(() -> POLICY.check(ALICE, "q7".repeat(512)));
        assertTrue(refusal("q7".repeat(512) + "x").contains("at most 1024"));
    }

    @Test
    void commonPasswordsAreRefusedByWholeMatchOnly() {
        assertTrue(refusal("password").contains("common"));
        assertTrue(refusal("iloveyou").contains("common"));
        assertTrue(refusal("PASSWORD1").contains("common"));
        assertDoesNotThrow(() -> POLICY.check(ALICE, "password is not enough on its own"));
    }

    @Test
    void theListHoldsTheHundredThousandMostCommon() {
        assertEquals(100_000, PasswordPolicy.COMMON_PASSWORDS);
        assertTrue(refusal("qwertyuiop").contains("common"));
    }

    @Test
    void thePasswordMustNotBeTheUsername() {
        Username longName = Username.canonical("alexandria");
        assertTrue(assertThrows(WeakPasswordException.class, () -> POLICY.check(longName, "Alexandria")).detail()
                .contains("username"));
    }

    @Test
    void nfdAndNfcFormsNormalizeAlike() {
        String nfc = "\u00C5ngstr\u00F6m-unit";
        String nfd = "A\u030Angstro\u0308m-unit";
        assertEquals(PasswordPolicy.normalize(nfc), PasswordPolicy.normalize(nfd));
    }

    @Test
    void refusalsNeverEchoThePassword() {
        assertFalse(refusal("short").contains("short"));
        assertFalse(refusal("iloveyou").contains("iloveyou"));
    }
}
