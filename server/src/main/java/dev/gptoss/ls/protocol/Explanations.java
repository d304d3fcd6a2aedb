package dev.gptoss.ls.protocol;

import dev.gptoss.ls.actions.AiTask;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ShowDocumentParams;

/**
 * "Explain" answers: written as Markdown files under a directory of the server's (the OS temp
 * directory, so the workspace is not touched) and opened in the editor with
 * {@code window/showDocument}, or named in a message when the editor cannot open documents.
 */
final class Explanations {
    private static final Logger LOG = Logger.getLogger(Explanations.class.getName());

    private final Path directory;
    private volatile GptossClient client;
    private volatile boolean showDocumentSupported;

    Explanations(Path directory) {
        this.directory = directory;
    }

    static Explanations inTempDirectory() {
        return new Explanations(Path.of(System.getProperty("java.io.tmpdir"), "gptoss-ls", "explanations"));
    }

    void connect(GptossClient client) {
        this.client = client;
    }

    void clientShowsDocuments(boolean supported) {
        this.showDocumentSupported = supported;
    }

    void show(AiTask task, String markdown) {
        String name = fileName(task.uri());
        int line = task.range().start().line() + 1;
        Path file = directory.resolve(name + "-L" + line + ".md");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, "# " + name + ", line " + line + "\n\n" + markdown + "\n");
        } catch (IOException e) {
            LOG.warning(() -> "Cannot write the explanation to " + file + ": " + e);
            message(MessageType.Warning, "gpt-oss: cannot write the explanation: " + e.getMessage());
            return;
        }
        GptossClient target = client;
        if (target != null && showDocumentSupported) {
            var params = new ShowDocumentParams(file.toUri().toString());
            params.setTakeFocus(true);
            target.showDocument(params);
        } else {
            message(MessageType.Info, "gpt-oss: the explanation is in " + file);
        }
    }

    private void message(MessageType type, String text) {
        GptossClient target = client;
        if (target != null) {
            target.showMessage(new MessageParams(type, text));
        }
    }

    private static String fileName(String uri) {
        String path = URI.create(uri).getPath();
        String name = path == null ? "document" : path.substring(path.lastIndexOf('/') + 1);
        return name.replaceAll("[^\\w.-]", "_");
    }
}
