package dev.authservice.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.authservice.refusal.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "finance",
                "a",
                "team-2.ops_eu",
                "0123456789012345678901234567890123456789012345678901234567890123"
            })
    void lowerCaseLettersDigitsDotsUnderscoresAndHyphensUpTo64(String name) {
        assertEquals(name, new GroupName(name).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Finance",
                "a,b",
                "a b",
                "a;b",
                "a%2C",
                "é",
                "a\nb",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void anythingElseIsRefused(String name) {
        assertEquals(
                Refusal.Reason.INVALID_REQUEST,
                assertThrows(Refusal.class, () -> new GroupName(name)).reason());
    }
}
