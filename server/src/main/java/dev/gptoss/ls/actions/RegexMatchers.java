package dev.gptoss.ls.actions;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the catalog's regular-expression rules, for languages without a grammar only: code with
 * a syntax tree is matched by queries, which cannot mistake a string or a comment for code.
 */
final class RegexMatchers implements MatcherFactory {
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\{(\\w+)\\}|\\$(\\d)");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    @Override
    public PatternMatcher compile(String languageId, MatcherRule rule) {
        if (rule.regex() == null) {
            throw new IllegalArgumentException("a rule needs a \"query\" (or, for languages without a grammar, a \"regex\")");
        }
        Pattern regex = pattern("regex", rule.regex(), Pattern.MULTILINE);
        if (rule.fix() != null) {
            checkFix(rule);
        }
        return new RegexMatcher(regex, rule.regex().contains("(?<hit>"), optional("when", rule.when()),
                optional("unless", rule.unless()), Optional.ofNullable(rule.fix()));
    }

    private static void checkFix(MatcherRule rule) {
        if (blank(rule.fix().title()) || rule.fix().replace() == null) {
            throw new IllegalArgumentException("a fix needs a \"title\" and a \"replace\"");
        }
        Set<String> names = new java.util.HashSet<>();
        NAMED_GROUP.matcher(rule.regex()).results().forEach(r -> names.add(r.group(1)));
        int groups = Pattern.compile(rule.regex()).matcher("").groupCount();
        Matcher reference = GROUP_REFERENCE.matcher(rule.fix().replace());
        while (reference.find()) {
            boolean known = reference.group(1) != null ? names.contains(reference.group(1))
                    : Integer.parseInt(reference.group(2)) <= groups;
            if (!known) {
                throw new IllegalArgumentException("the fix refers to " + reference.group()
                        + ", which the regex does not capture");
            }
        }
    }

    private static Optional<Pattern> optional(String field, String regex) {
        return regex == null ? Optional.empty() : Optional.of(pattern(field, regex, 0));
    }

    private static Pattern pattern(String field, String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
