package dev.authservice.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The key under which a login name is throttled, whatever the client typed. */
class ThrottleKeyTest {

    @Test
    void aNameThatCanBeCanonicalIsThrottledUnderItsCanonicalForm() {
        assertEquals("alice", Accounts.throttleKey("Alice"));
        assertEquals("alice", Accounts.throttleKey("ａｌｉｃｅ"));
    }

    @Test
    void aNameNoAccountCanHaveGetsAPrintableBoundedKeyThatNoAccountCanHave() {
        for (String typed : new String[] {
            "john smith",
            "tab\there",
            "a".repeat(65),
            "\u202Eevil",
            "nul\u0000",
            "x".repeat(10_000),
            "\nevent=login.success user=admin " + "a".repeat(260),
            "\uD800"
        }) {
            String key = Accounts.throttleKey(typed);
            assertTrue(key.length() <= 256, "fits the column: " + key.length());
            assertTrue(key.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable ASCII: " + key);
            assertTrue(key.contains(" "), "a space, which no canonical username holds");
        }
    }

    @Test
    void differentImpossibleNamesAreThrottledApart() {
        assertNotEquals(Accounts.throttleKey("john smith"), Accounts.throttleKey("john  smith"));
        assertEquals(Accounts.throttleKey("john smith"), Accounts.throttleKey("john smith"));
    }
}
