package dev.authservice.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A block as a document prints it (a front end's configuration, a walk-through's commands), read
 * from the Markdown (the first fenced block after a marker line), then given a test's addresses
 * one literal at a time. Each
 * replacement must find its text, so a recipe that drifts from what the tests run fails them.
 */
public final class DocumentedRecipe {

    private static final Path FRONT_ENDS = Path.of("docs", "front-ends.md");

    private String text;

    private DocumentedRecipe(String text) {
        this.text = text;
    }

    /** The code block that follows the first line of docs/front-ends.md containing {@code marker}. */
    public static DocumentedRecipe frontEnds(String marker) {
        return of(FRONT_ENDS, marker);
    }

    /** The code block that follows the first line of {@code document} containing {@code marker}. */
    public static DocumentedRecipe of(Path file, String marker) {
        String document;
        try {
            document = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = document.indexOf(marker);
        if (at < 0) {
            throw new AssertionError(file + " has no line with " + marker);
        }
        int open = document.indexOf("\n```", at);
        int start = document.indexOf('\n', open + 1) + 1;
        int end = document.indexOf("\n```", start);
        return new DocumentedRecipe(document.substring(start, end + 1));
    }

    /** Every occurrence of {@code literal} becomes {@code replacement}; the recipe must contain it. */
    public DocumentedRecipe replace(String literal, String replacement) {
        if (!text.contains(literal)) {
            throw new AssertionError("the documented block no longer contains \"" + literal + "\":\n" + text);
        }
        text = text.replace(literal, replacement);
        return this;
    }

    public String text() {
        return text;
    }
}
