package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python blocks found by indentation alone: the function a line is in, and where a block ends.
 * Good enough for "inside async def" checks until tree-sitter (issue 3) gives real scopes; lines
 * inside multi-line strings can fool it.
 */
public final class PythonScopes {
    private static final Pattern DEF = Pattern.compile("^[ \\t]*(async[ \\t]+)?def[ \\t]+(\\w+)");
    private static final Pattern CLASS = Pattern.compile("^[ \\t]*class\\b");

    /** @param lastLine the block's last non-blank line */
    public record Function(String name, boolean isAsync, int headerLine, int lastLine) {
    }

    private PythonScopes() {
    }

    /** The innermost function whose body holds {@code line}, if any. */
    public static Optional<Function> enclosingFunction(DocumentSnapshot document, int line) {
        int indent = indentOfCodeAt(document, line);
        for (int l = line - 1; l >= 0 && indent > 0; l--) {
            String text = document.lineText(l);
            int own = indentOf(text);
            if (own < 0 || own >= indent) {
                continue;
            }
            Matcher def = DEF.matcher(text);
            if (def.find()) {
                return Optional.of(new Function(def.group(2), def.group(1) != null, l, blockEnd(document, l)));
            }
            if (CLASS.matcher(text).find()) {
                return Optional.empty();
            }
            indent = own;
        }
        return Optional.empty();
    }

    /** The function whose header is on {@code line}, if one is. */
    public static Optional<Function> functionAt(DocumentSnapshot document, int line) {
        Matcher def = DEF.matcher(document.lineText(line));
        if (!def.find()) {
            return Optional.empty();
        }
        return Optional.of(new Function(def.group(2), def.group(1) != null, line, blockEnd(document, line)));
    }

    /** Last non-blank line of the block that {@code headerLine} opens. */
    public static int blockEnd(DocumentSnapshot document, int headerLine) {
        int indent = indentOf(document.lineText(headerLine));
        int last = headerLine;
        for (int l = headerLine + 1; l < document.lineCount(); l++) {
            int own = indentOf(document.lineText(l));
            if (own < 0) {
                continue;
            }
            if (own <= indent && !document.lineText(l).stripLeading().startsWith(")")) {
                break;
            }
            last = l;
        }
        return last;
    }

    /** Indentation of {@code line}, or of the next line with code when it is blank. */
    private static int indentOfCodeAt(DocumentSnapshot document, int line) {
        for (int l = line; l < document.lineCount(); l++) {
            int own = indentOf(document.lineText(l));
            if (own >= 0) {
                return own;
            }
        }
        return 0;
    }

    /** Leading spaces and tabs, or -1 for a line with no code (blank or a comment). */
    static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i == line.length() || line.charAt(i) == '#' ? -1 : i;
    }
}
