package dev.gptoss.ls.context;

import java.util.LinkedHashSet;
import java.util.Set;

/** Identifier-like words of code, the unit of similarity and of definition look-up. */
final class Identifiers {
    private static final Set<String> KEYWORDS = Set.of(
            "if", "else", "elif", "for", "while", "return", "def", "class", "import", "from", "as", "in", "is",
            "not", "and", "or", "None", "True", "False", "self", "this", "new", "public", "private", "protected",
            "static", "final", "void", "int", "long", "double", "float", "boolean", "char", "byte", "short",
            "String", "var", "let", "const", "function", "async", "await", "export", "default", "interface",
            "type", "enum", "struct", "impl", "trait", "pub", "fn", "mut", "use", "mod", "crate", "super",
            "package", "func", "go", "defer", "chan", "map", "range", "nil", "true", "false", "null",
            "undefined", "try", "catch", "except", "finally", "raise", "throw", "throws", "with", "yield",
            "lambda", "pass", "break", "continue", "switch", "case", "match", "extends", "implements", "where",
            "Self", "override", "record", "typeof", "instanceof", "of", "print", "len", "str", "list", "dict");

    private Identifiers() {
    }

    /** Identifiers of at least three characters, in order of appearance, keywords left out. */
    static Set<String> in(CharSequence text) {
        var words = new LinkedHashSet<String>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                if (i - start >= 3) {
                    String word = text.subSequence(start, i).toString();
                    if (!KEYWORDS.contains(word)) {
                        words.add(word);
                    }
                }
            } else {
                i++;
            }
        }
        return words;
    }
}
