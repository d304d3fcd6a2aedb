package dev.gptoss.ls.context.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One name an import statement binds in a file, read from the statement the syntax tree found.
 *
 * @param local the name the file uses ({@code null} for a wildcard import)
 * @param module the module as written: {@code a.b} (Java, Python), {@code ./x} (TypeScript),
 *               {@code example.com/m/pkg} (Go), {@code crate::a::b} (Rust)
 * @param name the name inside the module, {@code null} when {@code local} is the module itself,
 *             {@code default} for a JavaScript default import
 */
record Import(String local, String module, String name) {
    static final String DEFAULT = "default";

    boolean wildcard() {
        return local == null;
    }

    boolean bindsModule() {
        return local != null && name == null;
    }

    private static final Pattern JAVA = Pattern.compile("import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");
    private static final Pattern PYTHON_FROM = Pattern.compile("from\\s+(\\.*[\\w.]*)\\s+import\\s+(.+)", Pattern.DOTALL);
    private static final Pattern PYTHON_IMPORT = Pattern.compile("import\\s+(.+)", Pattern.DOTALL);
    private static final Pattern ES_FROM = Pattern.compile(
            "^(import|export)\\s+(type\\s+)?(.*?)\\s*from\\s*['\"]([^'\"]+)['\"]", Pattern.DOTALL);
    private static final Pattern GO_SPEC = Pattern.compile("(?:([\\w.]+)\\s+)?\"([^\"]+)\"");
    private static final Pattern AS = Pattern.compile("\\s+as\\s+");

    /** The names an import statement of {@code languageId} binds; none when it cannot be read. */
    static List<Import> parse(String languageId, String statement) {
        String s = stripComments(statement).strip();
        return switch (languageId) {
            case "java" -> java(s);
            case "python" -> python(s);
            case "typescript", "typescriptreact", "javascript", "javascriptreact" -> ecmascript(s);
            case "go" -> go(s);
            case "rust" -> rust(s);
            default -> List.of();
        };
    }

    private static List<Import> java(String s) {
        Matcher m = JAVA.matcher(s);
        if (!m.find()) {
            return List.of();
        }
        String path = m.group(2);
        if (m.group(3) != null) {
            return List.of(new Import(null, path, null));
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? List.of() : List.of(new Import(path.substring(dot + 1), path.substring(0, dot), path.substring(dot + 1)));
    }

    private static List<Import> python(String s) {
        s = s.replace("\\\n", " ");
        Matcher from = PYTHON_FROM.matcher(s);
        var out = new ArrayList<Import>();
        if (from.matches()) {
            String module = from.group(1);
            String names = from.group(2).replace("(", " ").replace(")", " ");
            for (String part : names.split(",")) {
                String[] alias = AS.split(part.strip());
                String name = alias[0].strip();
                if (name.equals("*")) {
                    out.add(new Import(null, module, null));
                } else if (!name.isEmpty()) {
                    out.add(new Import(alias.length > 1 ? alias[1].strip() : name, module, name));
                }
            }
            return out;
        }
        Matcher plain = PYTHON_IMPORT.matcher(s);
        if (plain.matches()) {
            for (String part : plain.group(1).split(",")) {
                String[] alias = AS.split(part.strip());
                String module = alias[0].strip();
                if (alias.length > 1) {
                    out.add(new Import(alias[1].strip(), module, null));
                } else if (!module.isEmpty()) {
                    // "import a.b" binds a, through which a.b is reached
                    String top = module.split("\\.")[0];
                    out.add(new Import(top, top, null));
                }
            }
        }
        return out;
    }

    private static List<Import> ecmascript(String s) {
        Matcher m = ES_FROM.matcher(s);
        if (!m.find()) {
            return List.of();
        }
        String clause = m.group(3).strip();
        String module = m.group(4);
        var out = new ArrayList<Import>();
        boolean export = m.group(1).equals("export");
        int brace = clause.indexOf('{');
        String outside = brace < 0 ? clause : clause.substring(0, brace) + clause.substring(clause.indexOf('}', brace) + 1);
        for (String part : outside.split(",")) {
            String p = part.strip();
            if (p.equals("*")) {
                out.add(new Import(null, module, null));
            } else if (p.startsWith("*")) {
                out.add(new Import(AS.split(p)[1].strip(), module, null)); // import * as ns / export * as ns
            } else if (!p.isEmpty() && !export) {
                out.add(new Import(p, module, DEFAULT));
            }
        }
        if (brace >= 0) {
            String inside = clause.substring(brace + 1, Math.max(brace + 1, clause.indexOf('}', brace)));
            for (String part : inside.split(",")) {
                String p = part.strip().replaceFirst("^type\\s+", "");
                if (p.isEmpty()) {
                    continue;
                }
                String[] alias = AS.split(p);
                out.add(new Import(alias.length > 1 ? alias[1].strip() : alias[0].strip(), module, alias[0].strip()));
            }
        }
        return out;
    }

    private static List<Import> go(String s) {
        var out = new ArrayList<Import>();
        Matcher m = GO_SPEC.matcher(s.replaceFirst("^import", ""));
        while (m.find()) {
            String path = m.group(2);
            String alias = m.group(1);
            if ("_".equals(alias)) {
                continue;
            }
            String local = alias != null && !alias.equals(".") ? alias : path.substring(path.lastIndexOf('/') + 1);
            out.add(new Import(".".equals(alias) ? null : local, path, null));
        }
        return out;
    }

    private static List<Import> rust(String s) {
        String body = s.replaceFirst("^(pub(\\([^)]*\\))?\\s+)?use\\s+", "").replaceFirst(";\\s*$", "")
                .replaceAll("\\s+as\\s+", "@").replaceAll("\\s+", "");
        var out = new ArrayList<Import>();
        rustTree("", body, out);
        return out;
    }

    /** {@code a::{b::C, D as E, self, f::*}} under {@code prefix}, recursively. */
    private static void rustTree(String prefix, String tree, List<Import> out) {
        int brace = tree.indexOf('{');
        if (brace >= 0 && tree.endsWith("}")) {
            String base = prefix + tree.substring(0, brace);
            String inner = tree.substring(brace + 1, tree.length() - 1);
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= inner.length(); i++) {
                char c = i < inner.length() ? inner.charAt(i) : ',';
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    String item = inner.substring(start, i);
                    if (!item.isEmpty()) {
                        rustTree(base, item, out);
                    }
                    start = i + 1;
                }
            }
            return;
        }
        String path = prefix + tree;
        String local = null;
        int as = path.indexOf('@');
        if (as > 0) {
            local = path.substring(as + 1);
            path = path.substring(0, as);
        }
        if (path.endsWith("::*")) {
            out.add(new Import(null, path.substring(0, path.length() - 3), null));
            return;
        }
        if (path.endsWith("::self")) {
            path = path.substring(0, path.length() - 6);
        }
        int sep = path.lastIndexOf("::");
        String name = sep < 0 ? path : path.substring(sep + 2);
        String module = sep < 0 ? "" : path.substring(0, sep);
        out.add(new Import(local != null ? local : name, module, name));
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(//|#).*$", " ");
    }
}
