package dev.authservice.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A front end's configuration as docs/front-ends.md prints it, read from the Markdown (the first
 * fenced block after a marker line), then given a test's addresses one literal at a time. Each
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
        String document;
        try {
            document = Files.readString(FRONT_ENDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = document.indexOf(marker);
        if (at < 0) {
            throw new AssertionError(FRONT_ENDS + " has no line with " + marker);
        }
        int open = document.indexOf("\n```", at);
        int start = document.indexOf('\n', open + 1) + 1;
        int end = document.indexOf("\n```", start);
        return new DocumentedRecipe(document.substring(start, end + 1));
    }

    /** Every occurrence of {@code literal} becomes {@code replacement}; the recipe must contain it. */
    public DocumentedRecipe replace(String literal, String replacement) {
        if (!text.contains(literal)) {
            throw new AssertionError("docs/front-ends.md's recipe no longer contains \"" + literal + "\":\n" + text);
        }
        text = text.replace(literal, replacement);
        return this;
    }

    public String text() {
        return text;
    }
}
