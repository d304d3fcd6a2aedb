package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A model's answer to "rewrite this region" turned into the edit it meant, or declined with the
 * reason. Every code block of the answer is a candidate, best first (see {@link #candidates}); each
 * is read as the region's new lines ({@link RegionAnswer}) and kept only if it changes something
 * and the document parses with it as well as it did before: no problem in the rewritten lines, no
 * more problems elsewhere. The first candidate that passes is the edit; if none does, the first
 * one's reason is given.
 */
final class AnswerEdits {
    private final SyntaxCheck syntax;

    AnswerEdits(SyntaxCheck syntax) {
        this.syntax = syntax;
    }

    /**
     * @param region whole lines of {@code document} that the model was asked to rewrite
     * @param cutOff the model stopped at its length limit
     * @param by who answered, for the outcome
     */
    ModelActionOutcome read(DocumentSnapshot document, Span region, String answer, boolean cutOff, String by) {
        var reading = new RegionAnswer(document, region.start().line(), region.end().line());
        List<AnswerBlocks.Block> blocks = AnswerBlocks.of(answer);
        List<AnswerBlocks.Block> candidates = candidates(blocks, reading, cutOff);
        if (candidates.isEmpty()) {
            return new ModelActionOutcome.Declined(blocks.stream().anyMatch(reading::repeatsRegion)
                    ? "GPT-OSS proposed no change"
                    : cutOff ? "GPT-OSS's answer was cut off at its length limit before the code was complete;"
                            + " select less code and ask again"
                    : blocks.stream().anyMatch(b -> !b.closed())
                    ? "GPT-OSS's answer ends inside its code block, so the code may be incomplete"
                    : "GPT-OSS gave no code for this action", by);
        }
        List<SyntaxProblem> before = null;
        String firstReason = null;
        for (AnswerBlocks.Block block : candidates) {
            RegionAnswer.Reading read = reading.read(block);
            String refused;
            if (read instanceof RegionAnswer.Replacement replacement) {
                var edit = new ProposedEdit(reading.regionLines(), replacement.lines());
                if (edit.changesNothing()) {
                    refused = "GPT-OSS proposed no change";
                } else {
                    before = before == null ? syntax.problems(document.languageId(), document.text()) : before;
                    Optional<String> broken = breaks(document, region.start().line(), edit, before);
                    if (broken.isEmpty()) {
                        return new ModelActionOutcome.Replace(edit, by);
                    }
                    refused = broken.get();
                }
            } else {
                refused = ((RegionAnswer.Refused) read).reason();
            }
            firstReason = firstReason == null ? refused : firstReason;
        }
        return new ModelActionOutcome.Declined(firstReason, by);
    }

    /**
     * Why the edit may not be offered on {@code document}, whose region now starts at {@code firstLine};
     * empty when the document parses with it as well as it does now.
     */
    Optional<String> whyNotOffered(DocumentSnapshot document, int firstLine, ProposedEdit edit) {
        return breaks(document, firstLine, edit, syntax.problems(document.languageId(), document.text()));
    }

    /**
     * The blocks worth reading, best first: complete blocks that are not the region as it stands
     * (the "before" of a before/after answer), those that hold the region's first line ahead of the
     * others, the last ahead of earlier ones; or bare code, unless the model was cut off. A block
     * the answer ends inside is never read: code that stops there may stop short of the region's
     * end and still parse.
     */
    private static List<AnswerBlocks.Block> candidates(List<AnswerBlocks.Block> blocks, RegionAnswer reading,
                                                       boolean cutOff) {
        var candidates = new ArrayList<AnswerBlocks.Block>();
        for (AnswerBlocks.Block block : blocks) {
            if (block.closed() && !reading.repeatsRegion(block) && (block.fenced() || !cutOff)) {
                candidates.add(0, block);
            }
        }
        candidates.sort(Comparator.comparing(block -> !reading.mentionsRegion(block)));
        return candidates;
    }

    /** A problem in the rewritten lines, or one more problem elsewhere than {@code before} had. */
    private Optional<String> breaks(DocumentSnapshot document, int firstLine, ProposedEdit edit,
                                    List<SyntaxProblem> before) {
        int lastLine = firstLine + edit.original().size() - 1;
        int from = document.lineStart(firstLine);
        int to = document.lineContentEnd(lastLine);
        String text = document.text();
        String replacement = edit.replacementText(document.lineSeparator());
        List<SyntaxProblem> after = syntax.problems(document.languageId(),
                text.substring(0, from) + replacement + text.substring(to));
        int newEnd = from + replacement.length();
        Optional<SyntaxProblem> inside = after.stream().filter(p -> p.within(from, newEnd)).findFirst();
        List<SyntaxProblem> outside = after.stream().filter(p -> !p.within(from, newEnd)).toList();
        long outsideBefore = before.stream().filter(p -> !p.within(from, to)).count();
        Optional<SyntaxProblem> broken = inside.or(() -> outside.size() > outsideBefore
                ? outside.stream().findFirst() : Optional.empty());
        return broken.map(p -> "GPT-OSS's edit does not parse (" + p.describe() + ")");
    }
}
