package dev.gptoss.ls.cli;

import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.completion.CompletionQuery;
import dev.gptoss.ls.documents.PositionOutOfRangeException;
import dev.gptoss.ls.documents.TextPosition;
import dev.gptoss.ls.documents.UnknownDocumentException;
import dev.gptoss.ls.routing.ServiceStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
            return ExitCodes.USAGE;
        }
        try (var parts = ServerParts.assemble(ServerParts.Environment.of(System.getenv()), event -> { })) {
            int timeoutMs = line.timeoutMs() != null ? line.timeoutMs() : DEFAULT_TIMEOUT_MS;
            var overrides = parts.json().createObjectNode();
            overrides.putObject("completion").put("timeoutMs", timeoutMs);
            List<String> problems = ConfigFiles.apply(parts, line.config(),
                    place.file().toAbsolutePath().getParent(), overrides, System.err);
            if (!problems.isEmpty()) {
                problems.forEach(p -> System.err.println("gptoss-ls complete: " + p));
                return ExitCodes.USAGE;
            }
            String text = Files.readString(place.file(), StandardCharsets.UTF_8);
            String uri = place.file().toAbsolutePath().toUri().toString();
            parts.documents().open(uri, LanguageIds.forFile(place.file()), 1, text);
            var document = parts.documents().snapshot(uri);
            if (place.line() > document.lineCount()) {
                System.err.println("gptoss-ls complete: " + place.file() + " has " + document.lineCount()
                        + " line(s); line " + place.line() + " is past its end");
                return ExitCodes.USAGE;
            }
            String lineText = document.lineText(place.line() - 1);
            int characters = lineText.codePointCount(0, lineText.length());
            if (place.column() > characters + 1) {
                System.err.println("gptoss-ls complete: line " + place.line() + " of " + place.file() + " has "
                        + characters + " character(s); column " + place.column() + " is past its end");
                return ExitCodes.USAGE;
            }
            int offset = document.offsetOf(place.position(lineText));
            ServiceStatus service = ServiceProbe.probe(parts);
            int serviceCode = ServiceProbe.exitCode(service);
            if (serviceCode != ExitCodes.OK) {
                System.err.println("gptoss-ls complete: " + ServiceProbe.problem(service)
                        + (service.fix() == null ? "" : ". To fix: " + service.fix().lines().findFirst().orElse("")));
                return serviceCode;
            }
            long start = System.nanoTime();
            var suggestion = parts.completions().complete(new CompletionQuery(document, offset, false)).get();
            if (suggestion.isEmpty()) {
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (tookMs >= timeoutMs) {
                    System.err.println("gptoss-ls complete: the model gave no answer within " + timeoutMs
                            + " ms; try again with a longer --timeout-ms (a model that is loading takes a while)");
                    return ExitCodes.TIMED_OUT;
                }
                System.err.println("gptoss-ls complete: no suggestion for this place (the model's answer was empty,"
                        + " or repeated the code around it); GPTOSS_LOG=fine shows the request and the answer");
                return ExitCodes.NO_SUGGESTION;
            }
            out.println(suggestion.get().text());
            System.err.println("(from " + suggestion.get().model() + ")");
            return ExitCodes.OK;
        } catch (IOException e) {
            System.err.println("gptoss-ls complete: cannot read " + place.file() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (PositionOutOfRangeException | UnknownDocumentException e) {
            System.err.println("gptoss-ls complete: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.NO_SUGGESTION;
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("gptoss-ls complete: " + e.getMessage());
            return ExitCodes.NO_SUGGESTION;
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

        /** Editors count columns in characters; LSP in UTF-16 units. The column is within the line. */
        TextPosition position(String lineText) {
            return new TextPosition(line - 1, lineText.offsetByCodePoints(0, column - 1));
        }
    }
}
