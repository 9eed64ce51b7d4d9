package dev.authservice.http.boundary;

import dev.authservice.refusal.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body (one object; for the one call that takes a list, one array), read bounded in size and nesting depth and strict about UTF-8 and
 * field types, with refusals that say what is wrong without echoing the input (which may hold a
 * password).
 */
public final class JsonBody {

    /**
     * The deepest nesting of arrays and objects accepted. Every body this service takes is one
     * object, nested a few levels at most (a WebAuthn credential); the bound keeps a recursive parser's stack safe from "[[[[…" (a stack overflow is a
     * 500 and a stack trace per request).
     */
    static final int MAX_DEPTH = 32;

    private final Map<String, JsonValue> object;

    /** The body when it is an array, not an object; null otherwise. */
    private final JsonArray array;

    /** Why the body could not be read, thrown when a field is first asked for; null for a body that was read. */
    private final RuntimeException unreadable;

    private JsonBody(Map<String, JsonValue> object, RuntimeException unreadable) {
        this(object, null, unreadable);
    }

    private JsonBody(Map<String, JsonValue> object, JsonArray array, RuntimeException unreadable) {
        this.object = object;
        this.array = array;
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

    /** A body that refuses with {@code why} when a field is first asked for. */
    static JsonBody unreadable(RuntimeException why) {
        return new JsonBody(null, why);
    }

    static JsonBody parse(byte[] body) {
        String text = decodeUtf8(body);
        requireShallow(text);
        if (text.stripLeading().startsWith("[")) {
            return new JsonBody(null, parseArray(text), null);
        }
        return new JsonBody(parseObject(text), null);
    }

    /** The body as a list of strings: it must be one JSON array of strings. */
    public List<String> stringList() {
        if (unreadable != null) {
            throw unreadable;
        }
        if (array == null) {
            throw Refusal.invalidRequest("The request body must be a JSON array of strings.");
        }
        return strings(array, "The request body");
    }

    /** A field that may be absent (then an empty list); present, an array of strings. */
    public List<String> optionalStringList(String field) {
        JsonValue value = field(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw Refusal.invalidRequest("The field \"" + field + "\" must be an array of strings.");
        }
        return strings(value.asJsonArray(), "The field \"" + field + "\"");
    }

    private static List<String> strings(JsonArray values, String what) {
        List<String> strings = new ArrayList<>(values.size());
        for (JsonValue value : values) {
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                throw Refusal.invalidRequest(what + " must be an array of strings.");
            }
            strings.add(((JsonString) value).getString());
        }
        return strings;
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

    /**
     * An object field that must be present, as JSON text, for a library that reads a format of its
     * own (a WebAuthn credential's JSON for webauthn4j).
     */
    public String requiredObjectText(String field) {
        JsonValue value = field(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Refusal.invalidRequest("The field \"" + field + "\" must be a JSON object.");
        }
        return value.toString();
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
        if (object == null) {
            throw Refusal.invalidRequest("The request body must be a JSON object.");
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

    /**
     * Exactly one JSON object and nothing after it, each member named once: a body that a filter
     * in front of the service could read differently (its first "username", or its first object)
     * is refused rather than guessed at.
     */
    private static Map<String, JsonValue> parseObject(String text) {
        if (text.isBlank()) {
            throw Refusal.invalidRequest("The request body is empty; expected a JSON object.");
        }
        Map<String, JsonValue> members = new HashMap<>();
        boolean trailing;
        try (JsonParser parser = JsonFactories.PARSERS.createParser(new StringReader(text))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw Refusal.invalidRequest("The request body must be a JSON object.");
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String name = parser.getString();
                parser.next();
                if (members.put(name, parser.getValue()) != null) {
                    throw Refusal.invalidRequest("The field \"" + bounded(name) + "\" appears more than once.");
                }
            }
            trailing = parser.hasNext();
        } catch (Refusal refused) {
            throw refused;
        } catch (RuntimeException e) {
            // JsonException for bad syntax, and whatever else a parser throws on hostile input
            // (numbers too large, a stream ending early, data after the object). Its message may
            // quote the input, which may be a password: say less.
            throw Refusal.invalidRequest("The request body is not well-formed JSON; one JSON object is expected.");
        }
        if (trailing) {
            throw Refusal.invalidRequest("The request body must hold one JSON object and nothing after it.");
        }
        return members;
    }

    /** Exactly one JSON array and nothing after it. */
    private static JsonArray parseArray(String text) {
        JsonArray parsed;
        boolean trailing;
        try (JsonParser parser = JsonFactories.PARSERS.createParser(new StringReader(text))) {
            parser.next();
            parsed = parser.getArray();
            trailing = parser.hasNext();
        } catch (RuntimeException e) {
            throw Refusal.invalidRequest("The request body is not well-formed JSON; one JSON array is expected.");
        }
        if (trailing) {
            throw Refusal.invalidRequest("The request body must hold one JSON array and nothing after it.");
        }
        return parsed;
    }

    /** A field name as the client sent it, cut short: it is repeated in a refusal, never a value. */
    private static String bounded(String name) {
        String printable = name.codePoints()
                .filter(cp -> cp >= 0x20 && cp != 0x7f && cp != '"' && cp != '\\')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 32 ? printable.substring(0, 32) + "…" : printable;
    }
}
