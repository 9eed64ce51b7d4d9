package dev.authservice.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.authservice.auth.control.Credentials;
import dev.authservice.auth.control.InvalidRequestException;
import dev.authservice.auth.control.PayloadTooLargeException;

class JsonBodyTest {

    private static Credentials read(String body) {
        JsonBody json = JsonBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 1024);
        return new Credentials(json.requiredString("username"), json.requiredString("password"));
    }

    private static String refusal(String body) {
        return assertThrows(InvalidRequestException.class, () -> read(body)).detail();
    }

    @Test
    void readsUsernameAndPassword() {
        Credentials credentials = read("{\"username\":\"testuser\",\"password\":\"testpassword\"}");
        assertEquals("testuser", credentials.username());
        assertEquals("testpassword", credentials.password());
    }

    @Test
    void extraFieldsAreIgnored() {
        assertEquals("u", read("{\"username\":\"u\",\"password\":\"p\",\"remember\":true}").username());
    }

    @Test
    void namesTheMissingField() {
        assertTrue(refusal("{\"password\":\"p\"}").contains("\"username\" is required"));
        assertTrue(refusal("{\"username\":\"u\"}").contains("\"password\" is required"));
        assertTrue(refusal("{\"username\":\"u\",\"password\":null}").contains("\"password\" is required"));
    }

    @Test
    void namesTheWronglyTypedOrEmptyField() {
        assertTrue(refusal("{\"username\":1,\"password\":\"p\"}").contains("\"username\" must be a string"));
        assertTrue(refusal("{\"username\":\"u\",\"password\":[\"p\"]}").contains("\"password\" must be a string"));
        assertTrue(refusal("{\"username\":\"\",\"password\":\"p\"}").contains("\"username\" must not be empty"));
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertTrue(refusal("").contains("empty"));
        assertTrue(refusal("[1,2]").contains("JSON object"));
        assertTrue(refusal("\"text\"").contains("JSON object"));
        assertTrue(refusal("{\"username\":").contains("not well-formed"));
    }

    @Test
    void aMalformedBodyIsNotEchoed() {
        String detail = refusal("{\"username\":\"u\",\"password\":\"hunter2-secret");
        assertFalse(detail.contains("hunter2"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 'u', '"', ':', '"', (byte) 0xc3, '"', '}'};
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> JsonBody.read(new ByteArrayInputStream(body), 1024));
        assertTrue(e.detail().contains("UTF-8"));
    }

    @Test
    void refusesABodyOverTheLimitWithoutReadingAllOfIt() {
        byte[] body = new byte[10_000_000];
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class,
                () -> JsonBody.read(new ByteArrayInputStream(body), 1024));
        assertTrue(e.detail().contains("1024"));
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String prefix = "{\"username\":\"u\",\"password\":\"";
        String suffix = "\"}";
        String body = prefix + "p".repeat(1024 - prefix.length() - suffix.length()) + suffix;
        assertEquals(1024, body.length());
        assertEquals("u", read(body).username());
    }
}
