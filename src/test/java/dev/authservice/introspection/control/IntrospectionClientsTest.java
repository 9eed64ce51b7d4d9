package dev.authservice.introspection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.authservice.configuration.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntrospectionClientsTest {

    private static IntrospectionClients configured(String value) {
        IntrospectionClients clients = new IntrospectionClients();
        clients.configured = Optional.of(value);
        clients.check();
        return clients;
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String secret) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aClientProvesItselfWithTheSecretWhoseHashIsConfigured() throws Exception {
        IntrospectionClients clients =
                configured("kong:" + sha256("s3cret:with:colons") + ", apisix:" + sha256("other"));
        assertEquals(Optional.of("kong"), clients.authenticate(basic("kong", "s3cret:with:colons")));
        assertEquals(Optional.of("apisix"), clients.authenticate(basic("apisix", "other")));
    }

    @Test
    void anythingElseProvesNothing() throws Exception {
        IntrospectionClients clients = configured("kong:" + sha256("right"));
        for (String header : new String[] {
            null,
            "",
            basic("kong", "wrong"),
            basic("kong", ""),
            basic("other", "right"),
            basic("apisix", "right"),
            "Bearer " + sha256("right"),
            "Basic %%%",
            "Basic " + Base64.getEncoder().encodeToString("no colon".getBytes())
        }) {
            assertEquals(Optional.empty(), clients.authenticate(header), String.valueOf(header));
        }
    }

    @Test
    void noClientsConfiguredMeansNobodyMayIntrospect() throws Exception {
        assertEquals(Optional.empty(), configured("").authenticate(basic("kong", "right")));
    }

    @Test
    void anEntryThatIsNotIdColonSha256StopsTheStart() {
        assertThrows(InvalidConfigurationException.class, () -> configured("kong:plain-secret"));
        assertThrows(InvalidConfigurationException.class, () -> configured("kong"));
    }
}
