package dev.authservice.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.refusal.Refusal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    /** The two fields of a login or registration body. */
    private record Fields(String username, String password) {}

    private static Fields read(String body) {
        JsonBody json = JsonBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 65_536);
        return new Fields(json.requiredString("username"), json.requiredString("password"));
    }

    private static String refusal(String body) {
        Refusal refusal = assertThrows(Refusal.class, () -> read(body));
        assertEquals(Refusal.Reason.INVALID_REQUEST, refusal.reason());
        return refusal.detail();
    }

    @Test
    void readsUsernameAndPassword() {
        Fields credentials = read("{\"username\":\"testuser\",\"password\":\"testpassword\"}");
        assertEquals("testuser", credentials.username());
        assertEquals("testpassword", credentials.password());
    }

    @Test
    void extraFieldsAreIgnored() {
        assertEquals(
                "u",
                read("{\"username\":\"u\",\"password\":\"p\",\"remember\":true}")
                        .username());
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
    void aFieldNamedTwiceIsRefusedSinceAFilterMightReadTheOtherOne() {
        String detail = refusal("{\"username\":\"nobody\",\"username\":\"alice\",\"password\":\"p\"}");
        assertTrue(detail.contains("\"username\" appears more than once"), detail);
    }

    @Test
    void dataAfterTheObjectIsRefused() {
        assertTrue(refusal("{\"username\":\"u\",\"password\":\"p\"}xyz").contains("JSON"));
        assertTrue(refusal("{\"username\":\"u\",\"password\":\"p\"}{\"username\":\"v\"}")
                .contains("JSON"));
        assertEquals("u", read("{\"username\":\"u\",\"password\":\"p\"}  \n").username(), "whitespace is no data");
    }

    @Test
    void aMalformedBodyIsNotEchoed() {
        String detail = refusal("{\"username\":\"u\",\"password\":\"hunter2-secret");
        assertFalse(detail.contains("hunter2"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 'u', '"', ':', '"', (byte) 0xc3, '"', '}'};
        JsonBody json = JsonBody.read(new ByteArrayInputStream(body), 1024);
        Refusal e = assertThrows(Refusal.class, () -> json.optionalString("u"));
        assertTrue(e.detail().contains("UTF-8"));
    }

    @Test
    void refusesABodyOverTheLimitWithoutReadingAllOfIt() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[10_000_000]);
        JsonBody json = JsonBody.read(body, 1024);
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> json.optionalString("u"));
        assertTrue(e.getMessage().contains("1024"));
        assertEquals(10_000_000 - 1025, body.available(), "one byte past the limit is read, and no more");
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String prefix = "{\"username\":\"u\",\"password\":\"";
        String suffix = "\"}";
        String body = prefix + "p".repeat(1024 - prefix.length() - suffix.length()) + suffix;
        assertEquals(1024, body.length());
        JsonBody json = JsonBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 1024);
        assertEquals("u", json.requiredString("username"));
    }

    @Test
    void deepNestingIsRefusedBeforeTheParserRecurses() {
        String arrays = "{\"username\":" + "[".repeat(900) + "]".repeat(900) + ",\"password\":\"x\"}";
        assertTrue(refusal(arrays).contains("nests deeper"));
        String objects = "{\"a\":".repeat(5000);
        assertTrue(refusal(objects).contains("nests deeper"));
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        String password = "[".repeat(100) + "\\\"{" + "{".repeat(100);
        String body = "{\"username\":\"u\",\"password\":\"" + password + "\"}";
        assertEquals("[".repeat(100) + "\"{" + "{".repeat(100), read(body).password());
    }
}
