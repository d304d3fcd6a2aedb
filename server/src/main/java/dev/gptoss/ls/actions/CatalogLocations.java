package dev.gptoss.ls.actions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a catalog file is, by JSON pointer ({@code /patterns/2/languages/python/0/query}),
 * so a problem is shown on the entry, or the very character of a query, that causes it.
 */
final class CatalogLocations {
    /** A value's place in the file: {@code [start, end)} as UTF-16 offsets. */
    record Place(int start, int end) {
    }

    private final String text;
    private final Map<String, Place> places;

    private CatalogLocations(String text, Map<String, Place> places) {
        this.text = text;
        this.places = places;
    }

    /** The places of a file's values; as far as the file parses. */
    static CatalogLocations of(String text) {
        var places = new HashMap<String, Place>();
        var starts = new HashMap<String, Integer>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                int start = (int) parser.currentTokenLocation().getCharOffset();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    starts.put(pointer, start);
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    // A container's pointer reads the same at its start and at its end.
                    Integer open = starts.get(pointer);
                    if (open != null) {
                        places.put(pointer, new Place(open, (int) parser.currentLocation().getCharOffset()));
                    }
                } else {
                    parser.finishToken(); // strings are read lazily: their end is known once read
                    places.put(pointer, new Place(start, (int) parser.currentLocation().getCharOffset()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The file's own syntax error is reported by the loader; what parsed is kept.
        }
        return new CatalogLocations(text, places);
    }

    Optional<Place> place(String pointer) {
        return Optional.ofNullable(places.get(pointer));
    }

    /**
     * The file offset of character {@code index} of the decoded string whose literal is at
     * {@code literal}: escapes ({@code \"}, {@code \n}, {@code \u00e9}) take more than one
     * character in the file.
     */
    int offsetInString(Place literal, int index) {
        int at = literal.start() + 1;
        int decoded = 0;
        while (at < literal.end() - 1 && decoded < index) {
            if (text.charAt(at) == '\\') {
                at += text.charAt(at + 1) == 'u' ? 6 : 2;
            } else {
                at++;
            }
            decoded++;
        }
        return at;
    }
}
