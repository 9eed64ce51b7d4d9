package dev.authservice.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8265 §3.5's examples for UsernameCaseMapped, and the rules around them. */
class UsernameTest {

    @ParameterizedTest(name = "{0} is valid as {1}")
    @CsvSource({
        // RFC 8265 §3.5, examples 1 to 7
        "juliet@example.com, juliet@example.com",
        "fussball, fussball",
        "fußball, fußball",
        "π, π",
        "Σ, σ",
        "σ, σ",
        "ς, ς",
        // width and case mapping
        "Alice, alice",
        "ＡＬＩＣＥ, alice",
        "ａｌｉｃｅ, alice",
        "testuser, testuser"
    })
    void rfc8265ValidExamples(String typed, String canonical) {
        assertEquals(canonical, Username.canonical(typed).value());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
            strings = {
                // RFC 8265 §3.5, examples 8 to 11
                "foo bar",
                "",
                "henryⅣ",
                "♚",
                // spaces, controls, format characters (bidi overrides, zero-width joiners)
                " alice",
                "alice\t",
                "al\u0007ice",
                "\u202Eadmin",
                "ad\u200Dmin",
                "alice\u2066",
                // compatibility forms and symbols outside ASCII
                "ﬁnance",
                "x²",
                "😀"
            })
    void rfc8265InvalidExamples(String typed) {
        assertThrows(Refusal.class, () -> Username.canonical(typed));
    }

    @Test
    void nfdInputIsComposed() {
        String nfd = "A\u030Angstro\u0308m";
        assertEquals("\u00E5ngstr\u00F6m", Username.canonical(nfd).value());
    }

    @Test
    void atMost64CodePoints() {
        assertEquals(64, Username.canonical("a".repeat(64)).value().length());
        Refusal e = assertThrows(Refusal.class, () -> Username.canonical("a".repeat(65)));
        assertTrue(e.detail().contains("64"));
    }

    @Test
    void theBoundCountsCodePointsNotUtf16Units() {
        String ideograph = new String(Character.toChars(0x20000)); // a CJK letter beyond the BMP: two chars
        Username longest = Username.canonical(ideograph.repeat(64));
        assertEquals(128, longest.value().length(), "64 code points, 128 UTF-16 units, accepted");
        assertTrue(assertThrows(Refusal.class, () -> Username.canonical(ideograph.repeat(65)))
                .detail()
                .contains("64"));
    }

    @Test
    void detailsSayWhichRuleFailed() {
        assertTrue(assertThrows(Refusal.class, () -> Username.canonical("a b"))
                .detail()
                .contains("spaces"));
        assertTrue(assertThrows(Refusal.class, () -> Username.canonical("\u202Ea"))
                .detail()
                .contains("control"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedBeforeAnyOtherRule() {
        String detail = assertThrows(Refusal.class, () -> Username.canonical("bob\ud800"))
                .detail();
        assertTrue(detail.contains("unpaired surrogate"), detail);
    }
}
