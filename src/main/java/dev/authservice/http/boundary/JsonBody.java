package dev.authservice.http.boundary;

import dev.authservice.refusal.Refusal;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON object request body, read bounded in size and nesting depth and strict about UTF-8 and
 * field types, with refusals that say what is wrong without echoing the input (which may hold a
 * password).
 */
public final class JsonBody {

    /**
     * The deepest nesting of arrays and objects accepted. Every body this service takes is one flat
     * object; the bound keeps a recursive parser's stack safe from "[[[[…" (a stack overflow is a
     * 500 and a stack trace per request).
     */
    static final int MAX_DEPTH = 32;

    private final JsonObject object;

    /** Why the body could not be read, thrown when a field is first asked for; null for a body that was read. */
    private final RuntimeException unreadable;

    private JsonBody(JsonObject object, RuntimeException unreadable) {
        this.object = object;
        this.unreadable = unreadable;
    }

    /**
     * The body, read once. One that cannot be read refuses (400, or 413 when too large) only when a
     * field is first asked for, so that each resource keeps its own order of checks (the token
     * before the body) and login can answer an unreadable body with 401, like every failed login.
     */
    public static JsonBody read(InputStream body, int maxBytes) {
        try {
            return parse(readBounded(body, maxBytes));
        } catch (Refusal | PayloadTooLargeException unreadable) {
            return new JsonBody(null, unreadable);
        }
    }

    static JsonBody parse(byte[] body) {
        String text = decodeUtf8(body);
        requireShallow(text);
        return new JsonBody(parseObject(text), null);
    }

    /** A string field that must be present, a string, and not empty. */
    public String requiredString(String field) {
        JsonValue value = field(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw Refusal.invalidRequest("The field \"" + field + "\" is required.");
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw Refusal.invalidRequest("The field \"" + field + "\" must be a string.");
        }
        String text = ((JsonString) value).getString();
        if (text.isEmpty()) {
            throw Refusal.invalidRequest("The field \"" + field + "\" must not be empty.");
        }
        return text;
    }

    /** A string field that may be absent (then null); present, it must be a string. */
    public String optionalString(String field) {
        JsonValue value = field(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw Refusal.invalidRequest("The field \"" + field + "\" must be a string.");
        }
        return ((JsonString) value).getString();
    }

    private JsonValue field(String name) {
        if (unreadable != null) {
            throw unreadable;
        }
        return object.get(name);
    }

    private static byte[] readBounded(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw Refusal.invalidRequest("The request body could not be read.");
        }
    }

    /** Counts brackets outside strings, without recursion, and refuses nesting deeper than {@link #MAX_DEPTH}. */
    static void requireShallow(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    throw Refusal.invalidRequest("The request body nests deeper than " + MAX_DEPTH + " levels.");
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalidRequest("The request body is not valid UTF-8.");
        }
    }

    private static JsonObject parseObject(String text) {
        if (text.isBlank()) {
            throw Refusal.invalidRequest("The request body is empty; expected a JSON object.");
        }
        JsonValue value;
        try (JsonReader reader = JsonFactories.READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for bad syntax, and whatever else a parser throws on hostile input
            // (numbers too large, a stream ending early). Its message may quote the input, which
            // may be a password: say less.
            throw Refusal.invalidRequest("The request body is not well-formed JSON.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Refusal.invalidRequest("The request body must be a JSON object.");
        }
        return value.asJsonObject();
    }
}
