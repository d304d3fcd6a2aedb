package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A perfect model for infilling tasks: it finds the cursor in the prompt a server sent, recognises
 * which {@link InfillingGap} the code around it belongs to, and answers that gap's missing code in
 * one {@link AnswerShape}. Give it to {@link FakeBehavior#answer(Function)}.
 *
 * <p>The cursor is the marker the server puts in its prompt (chat prompts, and raw prompts that show
 * the file with a marker); a raw prompt without the marker is taken to end at the cursor. The gap is
 * the one whose prefix agrees longest with the text before the cursor's line and whose suffix is
 * shown longest in the prompt, so a prompt that shows only a window of the file is recognised too,
 * and so is one that shows the code after the cursor elsewhere than right after it (gptoss-ls puts
 * the lines below the cursor's line first, for model servers' prefix caches). Two gaps that start
 * at the same line are told apart by their suffixes: the one whose suffix starts at the line after
 * the cursor's is shown longest (in whole lines), and when none is shown, the one with the least
 * code after it. Whitespace the editor typed on the cursor's line is part of what
 * the answer must account for, as a real model's would.
 */
public final class InfillingOracle implements Function<JsonNode, String> {
    /** At least this much of a gap's prefix must agree with the prompt, or the prompt is not about it. */
    private static final int MIN_AGREEMENT = 40;

    private final List<InfillingGap> gaps;
    private final AnswerShape shape;
    private final String cursorMarker;
    private final String fenceLanguage;

    public InfillingOracle(List<InfillingGap> gaps, AnswerShape shape, String cursorMarker, String fenceLanguage) {
        this.gaps = List.copyOf(gaps);
        this.shape = Objects.requireNonNull(shape, "shape");
        this.cursorMarker = Objects.requireNonNull(cursorMarker, "cursorMarker");
        this.fenceLanguage = Objects.requireNonNull(fenceLanguage, "fenceLanguage");
    }

    /**
     * The oracle a command line asks for: {@code files} (comma-separated HumanEval infilling
     * {@code .jsonl} or {@code .jsonl.gz}) answered in the shape named {@code shapeId}; null when no
     * files are given.
     *
     * @throws IllegalArgumentException for an unknown shape
     */
    public static InfillingOracle fromOptions(String files, String shapeId) {
        AnswerShape shape = java.util.Arrays.stream(AnswerShape.values()).filter(s -> s.id().equals(shapeId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("--answer-shape must be one of "
                        + java.util.Arrays.stream(AnswerShape.values()).map(AnswerShape::id).toList() + ", got \""
                        + shapeId + "\""));
        if (files == null) {
            return null;
        }
        var paths = java.util.Arrays.stream(files.split(",")).map(java.nio.file.Path::of).toList();
        return new InfillingOracle(InfillingGaps.read(paths), shape, "<CURSOR>", "python");
    }

    /** The cursor as seen in a prompt: the gap it is at, and the whitespace typed before it on its line. */
    public record Cursor(InfillingGap gap, String typed) {
    }

    /** The answer for a request body; empty (as a model with nothing to add) when no gap matches. */
    @Override
    public String apply(JsonNode body) {
        return locate(promptText(body)).map(c -> shape.render(c.gap().middle(), c.typed(), fenceLanguage)).orElse("");
    }

    /** The text a request asks about: a raw prompt, or the last user message of a chat. */
    public static String promptText(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (messages.isArray()) {
            for (int i = messages.size() - 1; i >= 0; i--) {
                if ("user".equals(messages.get(i).path("role").asText())) {
                    return messages.get(i).path("content").asText("");
                }
            }
            return "";
        }
        JsonNode prompt = body.path("prompt");
        return prompt.isArray() ? prompt.path(0).asText("") : prompt.asText("");
    }

    /** Where the cursor is in {@code prompt}, if the code around it is one of the gaps. */
    public Optional<Cursor> locate(String prompt) {
        int marker = prompt.lastIndexOf(cursorMarker);
        String before = marker < 0 ? prompt : prompt.substring(0, marker);
        int lineStart = before.lastIndexOf('\n') + 1;
        String typed = before.substring(lineStart);
        if (!typed.isBlank()) {
            return Optional.empty();
        }
        String beforeLine = before.substring(0, lineStart);
        InfillingGap best = null;
        long bestScore = -1;
        for (InfillingGap gap : gaps) {
            int agreeBefore = commonSuffix(beforeLine, gap.prefix());
            if (agreeBefore < Math.min(MIN_AGREEMENT, gap.prefix().length())) {
                continue;
            }
            // The code after the cursor is looked for outside the code before it that the prompt shows
            // (after the cursor, or before that code as gptoss-ls puts it): a line repeated above the
            // cursor says nothing (HumanEval/106/L8_L10: "ret += [x]" stands above too).
            int agreeAfter = marker < 0 ? 0 : Math.max(shownLines(prompt.substring(marker), gap.suffix()),
                    shownLines(prompt.substring(0, beforeLine.length() - agreeBefore), gap.suffix()));
            // A prompt shows a window of the file, so the prefix may end early; text that differs rules a gap out.
            boolean differs = agreeBefore < beforeLine.length() && agreeBefore < gap.prefix().length();
            long score = (differs ? 0 : 1L << 40) + ((long) (agreeBefore + agreeAfter) << 20)
                    - Math.min((1 << 20) - 1, gap.suffix().length() - agreeAfter);
            if (score > bestScore) {
                best = gap;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(gap -> new Cursor(gap, typed));
    }

    /**
     * How much of {@code suffix} the prompt shows, in characters of whole lines: its first lines, as
     * many as the prompt has together, each starting a line, up to the last that is not blank. Parts
     * of lines do not count, nor blank lines alone (HumanEval/20/L13_L15 has nothing after the gap, and
     * the single-line gap at L13, with an empty line next, would win), or a gap
     * whose next line merely starts like a line of the prompt (the same call with another argument)
     * would outscore the gap whose next line is shown whole.
     */
    private static int shownLines(String prompt, String suffix) {
        int shown = 0;
        int lineStart = 0;
        for (int end = suffix.indexOf('\n'); end >= 0; lineStart = end + 1, end = suffix.indexOf('\n', end + 1)) {
            if (!prompt.contains("\n" + suffix.substring(0, end + 1))) {
                return shown;
            }
            // Blank lines count only with the code after them: any prompt shows an empty line.
            shown = suffix.substring(lineStart, end).isBlank() ? shown : end + 1;
        }
        String last = suffix.substring(lineStart);
        return !last.isBlank() && prompt.contains("\n" + suffix) ? suffix.length() : shown;
    }

    private static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }
}
