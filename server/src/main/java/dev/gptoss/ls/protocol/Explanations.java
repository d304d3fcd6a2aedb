package dev.gptoss.ls.protocol;

import dev.gptoss.ls.actions.Span;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ShowDocumentParams;

/**
 * "Explain" answers: written as Markdown files under the user's cache directory (so the workspace
 * is not touched), one file per document and range, and opened in the editor with
 * {@code window/showDocument}, or named in a message when the editor cannot open documents. A file
 * is named after the document, a short hash of its URI (two {@code gateway.py} of different folders
 * do not share one) and the lines explained: {@code gateway.py-1a2b3c4d-L34-L45.md}.
 */
final class Explanations {
    private static final Logger LOG = Logger.getLogger(Explanations.class.getName());

    private final Path directory;
    private volatile GptossClient client;
    private volatile boolean showDocumentSupported;

    /** @param directory where the files go; created when the first explanation is written */
    Explanations(Path directory) {
        this.directory = directory;
    }

    /** Explanations under {@code explanations/} of the user's cache directory for gptoss-ls. */
    static Explanations inUserCache(Path userCacheDirectory) {
        return new Explanations(userCacheDirectory.resolve("explanations"));
    }

    void connect(GptossClient client) {
        this.client = client;
    }

    void clientShowsDocuments(boolean supported) {
        this.showDocumentSupported = supported;
    }

    /**
     * Writes and shows an explanation of {@code region} (whole lines) of a document; returns the
     * file, or empty (having told the user why) when it cannot be written.
     */
    Optional<Path> show(String uri, Span region, String markdown, String answeredBy) {
        String name = documentName(uri);
        int first = region.start().line() + 1;
        int last = region.end().line() + 1;
        String lines = first == last ? "line " + first : "lines " + first + "–" + last;
        Path file = directory.resolve(fileName(uri, first, last));
        try {
            Files.createDirectories(directory);
            Files.writeString(file, "# " + name + ", " + lines + "\n\n" + uri + " — explained by " + answeredBy
                    + "\n\n" + markdown + "\n");
        } catch (IOException e) {
            LOG.warning(() -> "Cannot write the explanation to " + file + ": " + e);
            message(MessageType.Warning, "gpt-oss: cannot write the explanation to " + file + " (" + e.getMessage()
                    + "). Check that the cache directory is writable (XDG_CACHE_HOME or ~/.cache).");
            return Optional.empty();
        }
        GptossClient target = client;
        if (target != null && showDocumentSupported) {
            var params = new ShowDocumentParams(file.toUri().toString());
            params.setTakeFocus(true);
            target.showDocument(params);
        } else {
            message(MessageType.Info, "gpt-oss: the explanation of " + name + ", " + lines + " is in " + file);
        }
        return Optional.of(file);
    }

    /** {@code gateway.py-1a2b3c4d-L34-L45.md}: the document's name, a hash of its URI, the lines. */
    static String fileName(String uri, int firstLine, int lastLine) {
        return documentName(uri) + "-" + shortHash(uri) + "-L" + firstLine + "-L" + lastLine + ".md";
    }

    private void message(MessageType type, String text) {
        GptossClient target = client;
        if (target != null) {
            target.showMessage(new MessageParams(type, text));
        }
    }

    private static String documentName(String uri) {
        String path;
        try {
            path = URI.create(uri).getPath();
        } catch (IllegalArgumentException e) {
            path = uri;
        }
        String name = path == null || path.isEmpty() ? "document" : path.substring(path.lastIndexOf('/') + 1);
        return name.replaceAll("[^\\w.-]", "_");
    }

    /** {@link String#hashCode} is fixed by the language, so a document keeps its file across runs. */
    private static String shortHash(String uri) {
        return String.format("%08x", uri.hashCode());
    }
}
