package dev.gptoss.bench.actions;

import dev.gptoss.ls.actions.LukhasWorkspace;
import dev.gptoss.ls.documents.TextPosition;

/** A 5,000-line Python file made of the LUKHAS sample services, so every pattern occurs many times. */
final class LongFile {
    static final int LINES = 5_000;

    private LongFile() {
    }

    static String python() {
        String block = LukhasWorkspace.read("python/gateway.py") + "\n" + LukhasWorkspace.read("python/health_checker.py")
                + "\n" + LukhasWorkspace.read("python/clean_gateway.py") + "\n";
        var text = new StringBuilder();
        while (text.toString().lines().count() < LINES) {
            text.append(block);
        }
        return String.join("\n", text.toString().lines().limit(LINES).toList()) + "\n";
    }

    /** A place inside {@code name}, on the first line from {@code from} that starts with it. */
    static TextPosition insideName(String text, int from, String name) {
        var lines = text.lines().toList();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith(name)) {
                return new TextPosition(i, line.indexOf(name) + name.length() / 2);
            }
        }
        throw new IllegalStateException("no line starts with " + name);
    }

    /** A line in the middle of the file holding the gateway's bare except. */
    static int exceptLine(String text) {
        var lines = text.lines().toList();
        for (int i = LINES / 2; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("except:")) {
                return i;
            }
        }
        throw new IllegalStateException("no except: line");
    }
}
