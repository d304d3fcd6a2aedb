package dev.gptoss.ls.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigSource;
import dev.gptoss.ls.config.ConfigState;
import dev.gptoss.ls.config.ConfigUpdates;
import dev.gptoss.ls.config.InvalidConfigException;
import dev.gptoss.ls.config.UserConfigFile;
import dev.gptoss.ls.config.WorkspaceConfigFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;

/**
 * Applies configuration from the editor, the user's file and the workspace's {@code .gptoss.json}
 * ({@link ConfigUpdates}), and tells the user what could not be used: a bad value, or a workspace
 * file's endpoints that wait for the user's approval.
 */
final class SettingsUpdates {
    static final String APPROVE_COMMAND = "gptoss.approveWorkspaceFile";
    /** How often the user's file is checked for an approval made at the terminal ({@code gptoss-ls trust}). */
    private static final long USER_FILE_CHECK_MS = 2000;
    private static final Logger LOG = Logger.getLogger(SettingsUpdates.class.getName());

    private final ConfigState config;
    private final Supplier<ObjectMapper> json;
    private final ConfigUpdates updates;
    private final Set<String> toldAbout = ConcurrentHashMap.newKeySet();
    private volatile GptossClient client;
    private volatile Path workspaceRoot;
    private volatile long userFileStamp;

    SettingsUpdates(ConfigState config, UserConfigFile userFile, Supplier<ObjectMapper> json) {
        this.config = config;
        this.json = json;
        this.updates = new ConfigUpdates(config, userFile, json, this::report);
    }

    void connect(GptossClient client) {
        this.client = client;
    }

    /**
     * The settings at start-up: the user's file, the workspace's file (none if the editor says the
     * workspace is untrusted) and the editor's initialization options.
     */
    void startup(Path root, boolean editorTrustsWorkspace, Object initializationOptions) {
        workspaceRoot = editorTrustsWorkspace ? root : null;
        if (!editorTrustsWorkspace && root != null) {
            LOG.info("The editor does not trust the workspace: its " + WorkspaceConfigFile.NAME
                    + " is ignored and it is not indexed");
        }
        JsonNode options = ConfigReader.unwrap(toJackson(initializationOptions));
        userFileStamp = updates.userFile().lastModified();
        updates.reloadFiles(workspaceRoot, layers -> layers.with(ConfigSource.EDITOR_STARTUP, options));
        announceWithheld();
    }

    /** {@code workspace/didChangeConfiguration}: settings as LSP4J hands them over (Gson trees, maps, or null). */
    void fromEditor(Object settings) {
        updates.set(ConfigSource.EDITOR_SETTINGS, ConfigReader.unwrap(toJackson(settings)));
    }

    /** The workspace's file or the user's changed: read both again. */
    void reloadFiles() {
        userFileStamp = updates.userFile().lastModified();
        updates.reloadFiles(workspaceRoot, layers -> layers);
        announceWithheld();
    }

    /** Notices approvals given at the terminal while the editor runs. */
    void watchUserFile(ScheduledExecutorService timer) {
        timer.scheduleWithFixedDelay(() -> {
            if (updates.userFile().lastModified() != userFileStamp) {
                reloadFiles();
            }
        }, USER_FILE_CHECK_MS, USER_FILE_CHECK_MS, TimeUnit.MILLISECONDS);
    }

    Optional<WorkspaceConfigFile> workspaceFile() {
        return config.layers().workspaceFile();
    }

    /**
     * {@value #APPROVE_COMMAND} with the SHA-256 the editor showed the user: approves the workspace
     * file only if it still has that content, so what is approved is what the user saw.
     */
    Object approve(List<Object> arguments) {
        Optional<WorkspaceConfigFile> file = workspaceFile();
        if (arguments.size() != 1 || file.isEmpty()) {
            throw ServerCommands.invalidParams(APPROVE_COMMAND
                    + " needs one argument, the SHA-256 of the workspace's .gptoss.json as gptoss/status shows it");
        }
        String sha256 = ServerCommands.text(arguments.get(0), APPROVE_COMMAND);
        try {
            WorkspaceConfigFile now = WorkspaceConfigFile.read(file.get().file(), updates.userFile(), json.get());
            if (!now.sha256().equals(sha256)) {
                throw ServerCommands.invalidParams(now.file()
                        + " has changed since it was shown to you; look at it again before approving it");
            }
            updates.userFile().approve(now.file(), sha256);
            LOG.info("Approved " + now.file() + " (SHA-256 " + sha256 + "), recorded in " + updates.userFile().path());
        } catch (InvalidConfigException | IOException e) {
            throw ServerCommands.invalidParams("cannot approve: " + e.getMessage());
        }
        reloadFiles();
        return null;
    }

    /** Once per content of the file: its endpoints are not used, and how to allow them. */
    private void announceWithheld() {
        workspaceFile().ifPresent(file -> file.withheldNote().ifPresent(note -> {
            if (toldAbout.add(file.file() + "@" + file.sha256())) {
                LOG.warning(note);
                GptossClient target = client;
                if (target != null) {
                    target.showMessage(new MessageParams(MessageType.Warning, "gpt-oss: " + note
                            + " (in VS Code: the command \"gpt-oss: Approve Workspace Endpoints\")"));
                }
            }
        }));
    }

    private void report(String problem) {
        LOG.warning(problem);
        GptossClient target = client;
        if (target != null) {
            target.showMessage(new MessageParams(MessageType.Error, "gpt-oss: " + problem));
        }
    }

    private JsonNode toJackson(Object settings) {
        if (settings == null) {
            return NullNode.getInstance();
        }
        try {
            return json.get().readTree(settings.toString());
        } catch (IOException e) {
            return json.get().valueToTree(settings);
        }
    }
}
