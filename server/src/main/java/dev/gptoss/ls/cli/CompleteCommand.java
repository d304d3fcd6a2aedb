package dev.gptoss.ls.cli;

import dev.gptoss.ls.ServerCore;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.completion.CompletionQuery;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.InvalidConfigException;
import dev.gptoss.ls.documents.PositionOutOfRangeException;
import dev.gptoss.ls.documents.TextPosition;
import dev.gptoss.ls.documents.UnknownDocumentException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * {@code complete FILE:LINE:COL}: one suggestion at a place in a file, printed to stdout, to try a
 * setup from a terminal. LINE and COL are 1-based as editors show them; COL counts characters.
 */
public final class CompleteCommand {
    /** A first request may wait for the server to load the model, which an editor would not. */
    private static final int DEFAULT_TIMEOUT_MS = 120_000;
    private final PrintStream out;

    public CompleteCommand(PrintStream out) {
        this.out = out;
    }

    public int run(CommandLine line) {
        Place place;
        try {
            place = Place.parse(line.target());
        } catch (IllegalArgumentException e) {
            System.err.println("gptoss-ls complete: " + e.getMessage());
            return 2;
        }
        try (var core = new ServerCore(ApiKeys.fromSystemEnvironment())) {
            var overrides = core.json().createObjectNode();
            overrides.putObject("completion").put("timeoutMs",
                    line.timeoutMs() != null ? line.timeoutMs() : DEFAULT_TIMEOUT_MS);
            ConfigFiles.apply(core.config(), new ConfigReader(core.json()),
                    ConfigFiles.locate(line.config(), place.file().toAbsolutePath().getParent()), overrides);
            String text = Files.readString(place.file(), StandardCharsets.UTF_8);
            String uri = place.file().toAbsolutePath().toUri().toString();
            core.documents().open(uri, LanguageIds.forFile(place.file()), 1, text);
            var document = core.documents().snapshot(uri);
            int offset = document.offsetOf(place.position(document.lineCount() > place.line() - 1
                    ? document.lineText(place.line() - 1) : ""));
            var suggestion = core.completions().complete(new CompletionQuery(document, offset, false)).get();
            if (suggestion.isEmpty()) {
                System.err.println("No suggestion (see the log above for why, if anything failed).");
                return 1;
            }
            out.println(suggestion.get().text());
            System.err.println("(from " + suggestion.get().model() + ")");
            return 0;
        } catch (InvalidConfigException e) {
            System.err.println("gptoss-ls complete: invalid configuration: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("gptoss-ls complete: cannot read " + place.file() + ": " + e.getMessage());
            return 2;
        } catch (PositionOutOfRangeException | UnknownDocumentException e) {
            System.err.println("gptoss-ls complete: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            System.err.println("gptoss-ls complete: " + e.getCause());
            return 1;
        }
    }

    /** FILE:LINE:COL, split from the right so that a path may contain colons. */
    record Place(Path file, int line, int column) {
        static Place parse(String target) {
            int last = target.lastIndexOf(':');
            int middle = last > 0 ? target.lastIndexOf(':', last - 1) : -1;
            if (middle <= 0) {
                throw new IllegalArgumentException("expected FILE:LINE:COL, got " + target);
            }
            try {
                int line = Integer.parseInt(target.substring(middle + 1, last));
                int column = Integer.parseInt(target.substring(last + 1));
                if (line < 1 || column < 1) {
                    throw new IllegalArgumentException("LINE and COL start at 1, got " + line + ":" + column);
                }
                return new Place(Path.of(target.substring(0, middle)), line, column);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected FILE:LINE:COL with numbers, got " + target);
            }
        }

        /** Editors count columns in characters; LSP in UTF-16 units. */
        TextPosition position(String lineText) {
            int characters = column - 1;
            int available = lineText.codePointCount(0, lineText.length());
            int units = characters <= available
                    ? lineText.offsetByCodePoints(0, characters)
                    : lineText.length() + characters - available;
            return new TextPosition(line - 1, units);
        }
    }
}
