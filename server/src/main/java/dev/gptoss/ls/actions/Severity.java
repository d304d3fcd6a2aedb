package dev.gptoss.ls.actions;

import java.util.Locale;

/** How loudly a finding is shown, as the catalog spells it. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    static Severity parse(String name) {
        if (name == null) {
            return WARNING;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning" -> WARNING;
            case "information", "info" -> INFORMATION;
            case "hint" -> HINT;
            default -> throw new IllegalArgumentException("unknown severity \"" + name
                    + "\" (use error, warning, information or hint)");
        };
    }
}
