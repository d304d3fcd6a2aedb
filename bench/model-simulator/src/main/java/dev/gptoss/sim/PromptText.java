package dev.gptoss.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a model server computes for one request body, and where the cursor is in it.
 *
 * <ul>
 * <li>a raw prompt ({@code /api/generate} with {@code raw}, {@code /v1/completions}): as sent;</li>
 * <li>chat messages: rendered in harmony, as the servers' chat templates do;</li>
 * <li>Tabby's segments: the snippets as comments, the prefix, then the suffix, as Tabby's server
 *     fills a fill-in-the-middle template.</li>
 * </ul>
 *
 * @param before the code before the cursor, as the prompt shows it (empty when no cursor was found)
 * @param after the code after the cursor
 */
public record PromptText(String text, String before, String after) {
    /** The cursor marker of gptoss-ls's prompts. */
    static final String CURSOR = "<CURSOR>";
    private static final String HARMONY_END = "<|end|>";

    public static PromptText of(JsonNode body) {
        if (body.path("segments").isObject()) {
            return tabby(body.path("segments"));
        }
        if (body.path("messages").isArray()) {
            return chat(body.path("messages"));
        }
        String prompt = body.path("prompt").asText("");
        return withCursor(prompt, prompt);
    }

    public boolean hasCursor() {
        return !before.isEmpty() || !after.isEmpty();
    }

    private static PromptText tabby(JsonNode segments) {
        var text = new StringBuilder();
        for (String field : new String[] {"declarations", "relevant_snippets_from_changed_files",
            "relevant_snippets_from_recently_opened_files"}) {
            segments.path(field).forEach(snippet -> {
                text.append("// Path: ").append(snippet.path("filepath").asText("")).append('\n');
                snippet.path("body").asText("").lines().forEach(line -> text.append("// ").append(line).append('\n'));
            });
        }
        String prefix = segments.path("prefix").asText("");
        String suffix = segments.path("suffix").asText("");
        text.append(prefix).append("<SUF>").append(suffix).append("<MID>");
        return new PromptText(text.toString(), prefix, suffix);
    }

    private static PromptText chat(JsonNode messages) {
        var text = new StringBuilder();
        String lastUser = "";
        for (JsonNode message : messages) {
            String role = message.path("role").asText("user");
            String content = message.path("content").asText("");
            text.append("<|start|>").append(role).append("<|message|>").append(content).append(HARMONY_END);
            if (role.equals("user")) {
                lastUser = content;
            }
        }
        text.append("<|start|>assistant");
        return withCursor(text.toString(), lastUser);
    }

    /** Finds the cursor marker in {@code region}; the code after it runs to the end of its harmony message. */
    private static PromptText withCursor(String text, String region) {
        int marker = region.lastIndexOf(CURSOR);
        if (marker < 0) {
            return new PromptText(text, "", "");
        }
        String after = region.substring(marker + CURSOR.length());
        int end = after.indexOf(HARMONY_END);
        return new PromptText(text, region.substring(0, marker), end < 0 ? after : after.substring(0, end));
    }
}
