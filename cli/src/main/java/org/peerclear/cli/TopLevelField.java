package org.peerclear.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What kind of document a file is, from one top-level field, read by streaming: the commands
 * that take several kinds of file decide without reading a large case twice.
 */
final class TopLevelField {
    private static final JsonFactory JSON = new JsonFactory();

    private TopLevelField() {
    }

    /**
     * The text of a top-level field, if the document has it; the parse stops there.
     *
     * @param file  a JSON document
     * @param field the field's name
     * @return its value as text, the empty string for an object or array (absent when the field is,
     *         or when the file is not a JSON object: the reader that follows names that problem)
     */
    static Optional<String> of(Path file, String field) {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field)) {
                    return Optional.of(value.isScalarValue() ? p.getText() : "");
                }
                p.skipChildren();
            }
            return Optional.empty();
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
