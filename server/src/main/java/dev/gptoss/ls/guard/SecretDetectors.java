package dev.gptoss.ls.guard;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in detectors, most specific first: when two find the same text, the earlier one names
 * the placeholder. Every expression is linear: literal anchors, bounded repetitions, no nested
 * quantifiers over the same characters.
 */
public final class SecretDetectors {
    /** An assignment operator in the languages and file formats code lives in. */
    private static final String ASSIGN = "[\"']?[ \\t]*(?:=>|:=|[:=])[ \\t]*";
    private static final String PASSWORD_NAME =
            "(?:password|passwd|passphrase|\\bpwd(?![a-z])|\\bpass(?![a-z]))[A-Za-z0-9_.-]{0,30}";
    /** Unquoted values that are code, not passwords. */
    private static final Set<String> CODE_WORDS = Set.of("none", "null", "nil", "true", "false", "undefined", "self",
            "this", "required", "optional", "string", "str");

    private SecretDetectors() {
    }

    public static List<SecretDetector> builtIn() {
        return List.of(
                SecretDetector.of("private-key",
                        "-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?"
                                + "(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|\\z)",
                        "-----begin"),
                // The body of a key block whose BEGIN line fell outside the prompt's window.
                SecretDetector.of(SecretDetector.KEY_BLOCK, "(?:[A-Za-z0-9+/]{60,76}\\r?\\n){3,}[A-Za-z0-9+/=]{0,76}", "\n")
                        .startingAfterHint(1),
                SecretDetector.of("aws-access-key",
                        "\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b",
                        "akia", "asia", "abia", "acca", "agpa", "aida", "aroa", "anpa", "anva", "aipa"),
                SecretDetector.of("aws-secret-key",
                        "(?i)aws[A-Za-z0-9_.-]{0,30}(?:secret|key)[A-Za-z0-9_.-]{0,20}" + ASSIGN
                                + "[\"'`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])",
                        "aws"),
                SecretDetector.of("github-token",
                        "\\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,255})\\b",
                        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                SecretDetector.of("gitlab-token",
                        "\\bgl(?:pat|dt|rt|ptt|cbt|imt|oas|soat|ft|agent)-[A-Za-z0-9_\\-]{20,255}",
                        "glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glimt-", "gloas-", "glsoat-", "glft-",
                        "glagent-"),
                SecretDetector.of("slack-token", "\\bxox[abposre]-[A-Za-z0-9-]{10,255}", "xox"),
                SecretDetector.of("slack-webhook", "https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]{10,255}",
                        "https://hooks.slack.com"),
                SecretDetector.of("openai-key", "\\bsk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_\\-]{20,255}", "sk-")
                        .accepting(SecretDetectors::hasDigitAndLetter),
                SecretDetector.of("stripe-key", "\\b[rsp]k_(?:live|test)_[A-Za-z0-9]{16,255}",
                        "sk_live_", "rk_live_", "pk_live_", "sk_test_", "rk_test_", "pk_test_"),
                SecretDetector.of("jwt", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*", "eyj"),
                SecretDetector.of("bearer-token", "(?i)\\bbearer[ \\t]+([A-Za-z0-9_\\-.~+/]{20,1024}=*)", "bearer")
                        .accepting(SecretDetectors::hasDigitAndLetter),
                SecretDetector.of("connection-password",
                        "(?<=[a-zA-Z0-9])://[^\\s:/?#@'\"]{1,256}:([^\\s@/'\"]{1,256})@[^\\s'\"]", "://")
                        .accepting(SecretDetectors::notAPlaceholder),
                SecretDetector.of("password",
                        "(?i)" + PASSWORD_NAME + ASSIGN
                                + "(?:\"([^\"\\r\\n]{3,256})\"|'([^'\\r\\n]{3,256})'|`([^`\\r\\n]{3,256})`)",
                        "pass", "pwd")
                        .accepting(SecretDetectors::notAPlaceholder),
                // .env, YAML, properties: PASSWORD=value or password: value, unquoted, to the line end. No
                // space before the operator, so code (password = self.password) is not taken for a value.
                SecretDetector.of("password",
                        "(?i)" + PASSWORD_NAME + "(?:=|:[ \\t]+)([^\\s\"'`#(),=\\[{][^\\s#(),\\[]{2,255})[ \\t]*(?=\\r?\\n|\\z)",
                        "pass", "pwd")
                        .accepting(value -> notAPlaceholder(value) && !CODE_WORDS.contains(value.toLowerCase(Locale.ROOT))),
                SecretDetector.of("secret",
                        "(?i)(?:secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|credential|auth|key)"
                                + "[A-Za-z0-9_.-]{0,40}" + ASSIGN
                                // Quoted, any token characters; unquoted, no dots (a.b.c is code, not a key).
                                + "(?:[\"'`]([A-Za-z0-9+/=_\\-.~]{16,512})|([A-Za-z0-9+/=_\\-~]{16,512})(?![.(\\w]))",
                        "secret", "token", "credential", "auth", "key")
                        .accepting(SecretDetectors::looksRandom));
    }

    static boolean hasDigitAndLetter(String value) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            digit |= c >= '0' && c <= '9';
            letter |= Character.isLetter(c);
        }
        return digit && letter;
    }

    /** {@code ${DB_PASSWORD}}, {@code <password>}, {@code %s}, {@code ****}: a reference to a secret, not one. */
    static boolean notAPlaceholder(String value) {
        char first = value.charAt(0);
        if (first == '$' || first == '{' || first == '<' || first == '%') {
            return false;
        }
        return !value.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X' || c == '.');
    }

    /**
     * A value that reads like a generated key rather than a word or a code reference: letters and
     * digits, and at least 3 bits of entropy per character (hex keys have about 3.7, English
     * identifiers rarely reach 3 with a digit in them).
     */
    static boolean looksRandom(String value) {
        return hasDigitAndLetter(value) && notAPlaceholder(value) && ShannonEntropy.bitsPerChar(value) >= 3.0;
    }
}
