package dev.authservice.auth.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.authservice.auth.control.InvalidRequestException;
import dev.authservice.auth.control.PayloadTooLargeException;

/**
 * A JSON object request body, read bounded in size and strict about UTF-8 and field types, with
 * refusals that say what is wrong without echoing the input (which may hold a password).
 */
public final class JsonBody {

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody read(InputStream body, int maxBytes) {
        return parse(readBounded(body, maxBytes));
    }

    static JsonBody parse(byte[] body) {
        return new JsonBody(parseObject(decodeUtf8(body)));
    }

    /** A string field that must be present, a string, and not empty. */
    public String requiredString(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidRequestException("The field \"" + field + "\" is required.");
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidRequestException("The field \"" + field + "\" must be a string.");
        }
        String text = ((JsonString) value).getString();
        if (text.isEmpty()) {
            throw new InvalidRequestException("The field \"" + field + "\" must not be empty.");
        }
        return text;
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
            throw new InvalidRequestException("The request body could not be read.");
        }
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("The request body is not valid UTF-8.");
        }
    }

    private static JsonObject parseObject(String text) {
        if (text.isBlank()) {
            throw new InvalidRequestException("The request body is empty; expected a JSON object.");
        }
        JsonValue value;
        try (JsonReader reader = JsonFactories.READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            // The parser's own message may quote the input, which may be a password: say less.
            throw new InvalidRequestException("The request body is not well-formed JSON.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("The request body must be a JSON object.");
        }
        return value.asJsonObject();
    }
}
