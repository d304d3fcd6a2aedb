package dev.gptoss.ls.cache;

import java.util.regex.Pattern;

/**
 * Code as the semantic cache compares it: without comments and whitespace, so reformatting or
 * re-commenting keeps an answer while any change to an operator or a name loses it.
 */
public final class CodeFingerprint {
    private static final Pattern HASH_COMMENT = Pattern.compile("(?m)#[^\\n]*");
    private static final Pattern SLASH_COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CodeFingerprint() {
    }

    public static String of(String languageId, String code) {
        String withoutComments = switch (languageId) {
            case "python", "shellscript", "ruby", "yaml" -> HASH_COMMENT.matcher(code).replaceAll("");
            default -> SLASH_COMMENTS.matcher(code).replaceAll("");
        };
        return WHITESPACE.matcher(withoutComments).replaceAll("");
    }
}
