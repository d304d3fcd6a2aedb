package dev.gptoss.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replaces one {@code ## heading} section of a Markdown file, leaving the others as they are. */
final class MarkdownSections {
    private MarkdownSections() {
    }

    static void replace(Path file, String heading, String section) throws IOException {
        String existing = Files.isRegularFile(file) ? Files.readString(file) : "# Benchmarks\n";
        String marker = "## " + heading;
        int start = existing.indexOf(marker);
        String updated;
        if (start < 0) {
            updated = existing.stripTrailing() + "\n\n" + section;
        } else {
            int next = existing.indexOf("\n## ", start + marker.length());
            updated = existing.substring(0, start) + section + (next < 0 ? "" : "\n" + existing.substring(next + 1));
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, updated);
    }
}
