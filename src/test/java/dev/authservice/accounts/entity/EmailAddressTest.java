package dev.authservice.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.authservice.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void theDomainIsKeptInLowerCaseAndTheLocalPartAsTyped() {
        assertEquals(
                "Bob.Smith@example.com",
                EmailAddress.of("  Bob.Smith@Example.COM ").value());
    }

    @Test
    void twoSpellingsOfOneDomainAreOneAddress() {
        assertEquals(EmailAddress.of("bob@EXAMPLE.com"), EmailAddress.of("bob@example.COM"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "bob",
                "bob@",
                "@example.com",
                "bob@@example.com",
                "Bob <bob@example.com>",
                "bob@example.com, eve@example.com",
                "bob@exa mple.com",
                "bob@example.com\r\nBcc: eve@example.com",
                "bob\u0000@example.com"
            })
    void anythingButOnePlainAddressIsRefused(String typed) {
        Refusal refused = assertThrows(Refusal.class, () -> EmailAddress.of(typed));
        assertEquals(Refusal.Reason.INVALID_REQUEST, refused.reason());
    }

    @Test
    void anAddressLongerThanSmtpAllowsIsRefused() {
        assertThrows(Refusal.class, () -> EmailAddress.of("a".repeat(250) + "@example.com"));
    }
}
