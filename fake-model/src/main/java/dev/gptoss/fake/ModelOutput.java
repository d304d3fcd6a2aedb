package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fake model "generates" for one request: reasoning and content after harmony leaking,
 * stop strings and the token limit, and how that text is cut into stream chunks.
 */
final class ModelOutput {
    /** The fake's token: a rough 4 characters, enough to make limits and usage counts plausible. */
    static final int CHARS_PER_TOKEN = 4;

    /** One streamed piece of text, either reasoning or content. */
    record Piece(boolean reasoning, String text) {
    }

    private final String reasoning;
    private final String content;
    private final String finishReason;

    private ModelOutput(String reasoning, String content, String finishReason) {
        this.reasoning = reasoning;
        this.content = content;
        this.finishReason = finishReason;
    }

    /** Raw completion: the text continues the prompt, so reasoning only shows up if harmony leaks. */
    static ModelOutput forRawPrompt(FakeBehavior behavior, JsonNode body, int maxTokens, List<String> stop) {
        String text = behavior.harmonyLeak().apply(behavior.reasoning(), behavior.answerFor(body));
        return limited("", text, maxTokens, stop);
    }

    /** Chat (or templated generate): reasoning in its own field unless leaked into the content. */
    static ModelOutput forChat(FakeBehavior behavior, JsonNode body, int maxTokens, List<String> stop) {
        String answer = behavior.answerFor(body);
        HarmonyLeak leak = behavior.harmonyLeakInChat() ? behavior.harmonyLeak() : HarmonyLeak.NONE;
        String reasoning = leak.keepsReasoningSeparate() ? behavior.reasoning() : "";
        return limited(reasoning, leak.apply(behavior.reasoning(), answer), maxTokens, stop);
    }

    /** Stop strings from a JSON string or array; empty when absent. */
    static List<String> stopStrings(JsonNode stop) {
        List<String> strings = new ArrayList<>();
        if (stop.isTextual()) {
            strings.add(stop.asText());
        } else if (stop.isArray()) {
            stop.forEach(s -> strings.add(s.asText()));
        }
        strings.removeIf(String::isEmpty);
        return strings;
    }

    private static ModelOutput limited(String reasoning, String content, int maxTokens, List<String> stop) {
        for (String s : stop) {
            int at = content.indexOf(s);
            if (at >= 0) {
                content = content.substring(0, at);
            }
        }
        if (maxTokens < 0) {
            return new ModelOutput(reasoning, content, "stop");
        }
        int budget = maxTokens * CHARS_PER_TOKEN;
        if (reasoning.length() + content.length() <= budget) {
            return new ModelOutput(reasoning, content, "stop");
        }
        String cutReasoning = prefix(reasoning, budget);
        String cutContent = prefix(content, budget - cutReasoning.length());
        return new ModelOutput(cutReasoning, cutContent, "length");
    }

    private static String prefix(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Math.max(0, maxChars);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    String reasoning() {
        return reasoning;
    }

    String content() {
        return content;
    }

    /** {@code stop} or {@code length}, as both Ollama and the OpenAI API name them. */
    String finishReason() {
        return finishReason;
    }

    int tokenCount() {
        return (reasoning.length() + content.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Reasoning pieces, then content pieces, each of at most {@code chunkChars} code points. */
    List<Piece> pieces(int chunkChars) {
        List<Piece> pieces = new ArrayList<>();
        split(reasoning, chunkChars).forEach(t -> pieces.add(new Piece(true, t)));
        split(content, chunkChars).forEach(t -> pieces.add(new Piece(false, t)));
        return pieces;
    }

    /** The texts of {@code pieces}, in order. */
    static List<String> texts(List<Piece> pieces) {
        return pieces.stream().map(Piece::text).toList();
    }

    private static List<String> split(String text, int codePoints) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.offsetByCodePoints(start, Math.min(codePoints, text.codePointCount(start, text.length())));
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }
}
