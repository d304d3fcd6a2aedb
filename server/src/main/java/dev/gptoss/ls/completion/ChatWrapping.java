package dev.gptoss.ls.completion;

import java.util.regex.Pattern;

/** Removes what a chat model wraps code in: code fences, "Here is the code:", an echoed cursor marker. */
final class ChatWrapping {
    private static final Pattern FENCE = Pattern.compile("```[\\w+#.-]*[ \\t]*\\n?");
    private static final Pattern PREAMBLE = Pattern.compile(
            "(?i)^\\s*(here('s| is| are)|sure|certainly|of course|the (completion|code|missing code)|completion|"
                    + "insert(ed)?( text)?|answer)\\b[^\\n]{0,80}:[ \\t]*(\\n|$)");

    private ChatWrapping() {
    }

    static String strip(String text) {
        String result = text.replace(CompletionInstructions.CURSOR, "");
        result = PREAMBLE.matcher(result).replaceFirst("");
        var fence = FENCE.matcher(result);
        if (fence.find()) {
            int bodyStart = fence.end();
            int close = result.indexOf("```", bodyStart);
            String before = result.substring(0, fence.start());
            result = before.isBlank()
                    ? result.substring(bodyStart, close < 0 ? result.length() : close)
                    : before;
        }
        return result;
    }
}
