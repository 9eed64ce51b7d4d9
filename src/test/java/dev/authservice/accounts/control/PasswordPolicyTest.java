package dev.authservice.accounts.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.accounts.entity.Username;
import dev.authservice.hashing.entity.Password;
import dev.authservice.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** The password rules, tested here once; the ITs only check that each endpoint applies them. */
class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final Username ALICE = Username.canonical("alice");

    private static String refusal(String password) {
        Refusal refusal = assertThrows(Refusal.class, () -> POLICY.check(ALICE, Password.of(password)));
        assertEquals(Refusal.Reason.WEAK_PASSWORD, refusal.reason());
        return refusal.detail();
    }

    private static void accepted(String password) {
        assertDoesNotThrow(() -> POLICY.check(ALICE, Password.of(password)));
    }

    @Test
    void theSpecsExamplePasswordIsAccepted() {
        assertDoesNotThrow(() -> POLICY.check(Username.canonical("testuser"), Password.of("testpassword")));
    }

    @Test
    void lengthIsCountedInCodePoints() {
        assertTrue(refusal("1234567").contains("at least 8"));
        // four emoji are eight UTF-16 chars but four characters
        assertTrue(refusal("😀😀😀😀").contains("at least 8"));
        accepted("😀😀😀😀😀😀😀x");
    }

    @Test
    void atLeast64AndAtMost1024CharactersAreAllowed() {
        accepted("q".repeat(63) + "z");
        accepted("q7".repeat(512));
        assertTrue(refusal("q7".repeat(512) + "x").contains("at most 1024"));
    }

    @Test
    void commonPasswordsAreRefusedByWholeMatchOnlyIgnoringCase() {
        assertTrue(refusal("password").contains("common"));
        assertTrue(refusal("iloveyou").contains("common"));
        assertTrue(refusal("PASSWORD1").contains("common"));
        assertTrue(refusal("qwertyuiop").contains("common"));
        accepted("password is not enough on its own");
    }

    @Test
    void theWholeListIsLoaded() {
        // nbvcxz ranks 100,000 passwords; ignoring case, 96,520 of them are distinct.
        assertEquals(96_520, POLICY.commonPasswordCount());
        assertTrue(refusal("07021957").contains("common"), "an entry near the end of the list");
    }

    @Test
    void controlCharactersAreRefusedBecausePbkdf2WouldNotSeeATrailingNul() {
        assertTrue(refusal("correct horse battery\u0000").contains("control characters"));
        assertTrue(refusal("\u0000".repeat(8)).contains("control characters"));
        assertTrue(refusal("correct\thorse battery").contains("control characters"));
        assertTrue(refusal("correct horse\nbattery").contains("control characters"));
        accepted("quiet lantern, forty-two mosaics");
    }

    @Test
    void thePasswordMustNotBeTheUsername() {
        Username longName = Username.canonical("alexandria");
        Refusal refusal = assertThrows(Refusal.class, () -> POLICY.check(longName, Password.of("Alexandria")));
        assertTrue(refusal.detail().contains("username"));
    }

    @Test
    void nfdAndNfcFormsAreOnePassword() {
        String nfc = "\u00C5ngstr\u00F6m-unit";
        String nfd = "A\u030Angstro\u0308m-unit";
        assertEquals(Password.of(nfc).value(), Password.of(nfd).value());
    }

    @Test
    void anUnpairedSurrogateIsNoPasswordAtAll() {
        Refusal refusal = assertThrows(Refusal.class, () -> Password.of("\ud800".repeat(8)));
        assertEquals(Refusal.Reason.INVALID_REQUEST, refusal.reason());
        assertThrows(Refusal.class, () -> Password.of("abcdefgh\udc00"));
        assertEquals("😀😀😀😀😀😀😀😀", Password.of("😀😀😀😀😀😀😀😀").value(), "paired surrogates are fine");
    }

    @Test
    void theWorstCaseForNormalisationIsBoundedBeforeAnyWork() {
        // A maximal run of combining marks is what NFC works hardest on; past the bound it is
        // refused before normalisation, so no request costs much more than one hash.
        String worst = "a" + "\u0301\u0323".repeat(Password.MAX_TYPED_CODE_POINTS / 2);
        assertEquals(
                Refusal.Reason.WEAK_PASSWORD,
                assertThrows(Refusal.class, () -> Password.of(worst)).reason());
        String longestNfd = "e\u0301".repeat(PasswordPolicy.MAX_CODE_POINTS);
        assertEquals(
                PasswordPolicy.MAX_CODE_POINTS,
                Password.of(longestNfd).codePoints(),
                "a maximal NFD password still counts");
    }

    @Test
    void refusalsNeverEchoThePassword() {
        assertFalse(refusal("short").contains("short"));
        assertFalse(refusal("iloveyou").contains("iloveyou"));
        assertFalse(Password.of("hunter2-secret").toString().contains("hunter2"));
    }
}
