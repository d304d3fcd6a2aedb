package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Binding;
import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a cursor needs explained, most needed first, read from the file's syntax tree (its
 * outline and typed bindings) and the cursor line:
 * <ul>
 *   <li>the declared type of the receiver before the cursor ({@code this.interceptors.}: the field's
 *       type; {@code self.x.}: what {@code self.x = Class(...)} made; a local, a parameter, a
 *       struct field of a Go method's receiver or of a Rust {@code impl}'s type);</li>
 *   <li>the types in the signature of the function around the cursor;</li>
 *   <li>the names the cursor line uses ({@code Geometry.scaleVector}, {@code pkg.Func}).</li>
 * </ul>
 *
 * @param receiverType the receiver's type as name segments, empty when there is no receiver or its type is unknown
 */
public record CursorNames(List<String> receiverType, List<List<String>> signatureTypes, List<List<String>> lineNames) {
    private static final Pattern CHAIN = Pattern.compile("[A-Za-z_$][\\w$]*(?:(?:\\.|::|\\?\\.)[A-Za-z_$][\\w$]*)*");
    private static final Pattern TYPE_WORD = Pattern.compile("(?:[A-Za-z_][\\w]*(?:\\.|::))*[A-Z][\\w]*");
    private static final Set<String> SELF = Set.of("this", "self");
    private static final int MAX_SIGNATURE_TYPES = 3;
    private static final int MAX_LINE_NAMES = 6;

    public static CursorNames at(FileOutline file, int cursorLine, String linePrefix, String lineSuffix) {
        return new CursorNames(receiverType(file, cursorLine, linePrefix), signatureTypes(file, cursorLine),
                lineNames(linePrefix + lineSuffix));
    }

    /** The chain before a member access at the end of {@code linePrefix}: {@code this.a.} gives {@code [this, a]}. */
    static List<String> receiverChain(String linePrefix) {
        int end = linePrefix.length();
        while (end > 0 && Character.isJavaIdentifierPart(linePrefix.charAt(end - 1))) {
            end--; // the member being typed
        }
        int separator = separatorBefore(linePrefix, end);
        if (separator == 0) {
            return List.of();
        }
        var chain = new ArrayDeque<String>();
        int i = end - separator;
        while (true) {
            int start = i;
            while (start > 0 && Character.isJavaIdentifierPart(linePrefix.charAt(start - 1))) {
                start--;
            }
            if (start == i || !Character.isJavaIdentifierStart(linePrefix.charAt(start))) {
                return List.of(); // a call's result, an index, a literal: its type is not declared anywhere
            }
            chain.addFirst(linePrefix.substring(start, i));
            int before = separatorBefore(linePrefix, start);
            if (before == 0) {
                return List.copyOf(chain);
            }
            i = start - before;
        }
    }

    private static int separatorBefore(String text, int at) {
        if (at >= 2 && (text.startsWith("?.", at - 2) || text.startsWith("::", at - 2))) {
            return 2;
        }
        return at >= 1 && text.charAt(at - 1) == '.' ? 1 : 0;
    }

    static List<String> receiverType(FileOutline file, int cursorLine, String linePrefix) {
        List<String> chain = receiverChain(linePrefix);
        if (chain.isEmpty()) {
            return List.of();
        }
        String head = chain.get(0);
        List<String> type;
        int next = 1;
        if (SELF.contains(head)) {
            if (chain.size() < 2) {
                return List.of();
            }
            // While a line is half typed, the tree may have lost the class around it: any field will do then.
            Definition container = innermost(file, cursorLine, true);
            type = memberType(file, container == null ? null : container.name(), chain.get(1));
            next = 2;
        } else {
            Binding binding = visibleBinding(file, cursorLine, head);
            if (binding != null) {
                type = TypeNames.of(binding.type());
            } else if (Character.isUpperCase(head.charAt(0))) {
                type = List.of(head); // a static member of a type: Type.member
            } else if (chain.size() > 1 && Character.isUpperCase(chain.get(1).charAt(0))) {
                type = List.of(head, chain.get(1)); // module.Type. / pkg.Type.
                next = 2;
            } else {
                return List.of();
            }
        }
        // a.b. where a's type is declared in this file: b's type, as far as this file tells
        while (next < chain.size() && type.size() == 1) {
            List<String> member = memberType(file, type.get(0), chain.get(next));
            if (member.isEmpty()) {
                break;
            }
            type = member;
            next++;
        }
        return type;
    }

    /** The nearest declaration of {@code name} the cursor sees: a local or parameter above it, then a field. */
    private static Binding visibleBinding(FileOutline file, int cursorLine, String name) {
        Definition function = innermost(file, cursorLine, false);
        Binding local = null;
        Binding earlier = null;
        Binding field = null;
        for (Binding b : file.bindings()) {
            if (!b.name().equals(name)) {
                continue;
            }
            if (b.member()) {
                if (field == null) {
                    field = b;
                }
            } else if (b.line() <= cursorLine) {
                if (function != null && function.contains(b.line())) {
                    local = b;
                } else {
                    earlier = b;
                }
            }
        }
        return local != null ? local : field != null ? field : earlier;
    }

    private static List<String> memberType(FileOutline file, String typeName, String member) {
        Binding anywhere = null;
        for (Binding b : file.bindings()) {
            if (!b.member() || !b.name().equals(member)) {
                continue;
            }
            for (Definition d : typeName == null ? List.<Definition>of() : file.named(typeName)) {
                if (SourceKinds.isType(d) && d.contains(b.line())) {
                    return TypeNames.of(b.type());
                }
            }
            if (anywhere == null) {
                anywhere = b;
            }
        }
        // a Rust struct's fields are outside its impl blocks; a Python attribute may be set in a base class
        return anywhere == null ? List.of() : TypeNames.of(anywhere.type());
    }

    /** The innermost type ({@code types}) or function around the line. */
    private static Definition innermost(FileOutline file, int line, boolean types) {
        Definition found = null;
        for (Definition d : file.definitions()) {
            if (d.scope() && d.contains(line) && SourceKinds.isType(d) == types
                    && (found == null || d.startLine() >= found.startLine())) {
                found = d;
            }
        }
        return found;
    }

    private static List<List<String>> signatureTypes(FileOutline file, int cursorLine) {
        Definition function = innermost(file, cursorLine, false);
        if (function == null) {
            return List.of();
        }
        var types = new LinkedHashSet<List<String>>();
        for (String line : function.header().split("\n")) {
            String code = line.strip();
            if (code.startsWith("//") || code.startsWith("/*") || code.startsWith("*") || code.startsWith("#")
                    || code.startsWith("\"\"\"") || code.startsWith("'''") || code.startsWith("@")) {
                continue;
            }
            Matcher m = TYPE_WORD.matcher(code);
            while (m.find() && types.size() < MAX_SIGNATURE_TYPES) {
                if (!m.group().equals(function.name())) {
                    types.add(List.of(m.group().split("\\.|::")));
                }
            }
        }
        return List.copyOf(types);
    }

    private static List<List<String>> lineNames(String line) {
        var names = new LinkedHashSet<List<String>>();
        Matcher m = CHAIN.matcher(line);
        while (m.find() && names.size() < MAX_LINE_NAMES) {
            var segments = new ArrayList<>(List.of(m.group().split("\\?\\.|\\.|::")));
            if (SELF.contains(segments.get(0))) {
                segments.remove(0);
            }
            if (segments.isEmpty() || segments.get(0).length() < 2) {
                continue;
            }
            if (segments.size() > 1) {
                names.add(List.copyOf(segments.subList(0, 2)));
            }
            names.add(List.of(segments.get(0)));
        }
        return List.copyOf(names);
    }
}
