package dev.gptoss.ls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's {@code .gptoss.json}, which came with the code: a cloned repository must not decide
 * where that code, or the user's keys, go. Its endpoints, tiers and the switch that turns redaction
 * off are used only if the user approved this very content ({@code gptoss-ls trust}, recorded in the
 * {@link UserConfigFile} with its SHA-256); everything else in it (context, exclusions, timeouts)
 * applies either way. Exclusions and secret patterns only ever add up ({@link ConfigLayers}), so
 * they cannot open anything.
 *
 * <p>Loopback endpoints are not let through unapproved: a port on 127.0.0.1 may be an SSH or
 * kubectl tunnel to another machine, so loopback does not mean the code stays here.
 */
public record WorkspaceConfigFile(Path file, String sha256, JsonNode content, Approval approval) {
    public static final String NAME = ".gptoss.json";
    /** Top-level fields that decide where code and keys go. */
    private static final List<String> WHERE_CODE_GOES = List.of("endpoints", "tiers");
    /** Fields under {@code guard} that decide whether secrets are kept back. */
    private static final List<String> GUARD_SWITCHES = List.of("redact");

    public enum Approval { APPROVED, NOT_APPROVED, CHANGED_SINCE_APPROVAL }

    /** The file directly in {@code directory}, if there is one. */
    public static Optional<WorkspaceConfigFile> in(Path directory, UserConfigFile approvals, ObjectMapper json)
            throws InvalidConfigException {
        Path file = directory.resolve(NAME);
        return Files.isRegularFile(file) ? Optional.of(read(file, approvals, json)) : Optional.empty();
    }

    public static WorkspaceConfigFile read(Path file, UserConfigFile approvals, ObjectMapper json)
            throws InvalidConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidConfigException(file.toString(), "cannot be read (" + e.getMessage() + ")");
        }
        JsonNode content;
        try {
            content = ConfigReader.unwrap(json.readTree(bytes));
        } catch (IOException e) {
            throw new InvalidConfigException(file.toString(), "cannot be read as JSON (" + e.getMessage() + ")");
        }
        String hash = sha256(bytes);
        Approval approval = approvals.approvedHash(file)
                .map(approved -> approved.equals(hash) ? Approval.APPROVED : Approval.CHANGED_SINCE_APPROVAL)
                .orElse(Approval.NOT_APPROVED);
        return new WorkspaceConfigFile(file, hash, content, approval);
    }

    /** What of the file is used: all of it if approved, else all but {@link #withheld()}. */
    public JsonNode usable() {
        if (approval == Approval.APPROVED || !(content instanceof ObjectNode object)) {
            return content;
        }
        ObjectNode kept = object.deepCopy();
        WHERE_CODE_GOES.forEach(kept::remove);
        if (kept.get("guard") instanceof ObjectNode guard) {
            GUARD_SWITCHES.forEach(guard::remove);
        }
        return kept;
    }

    /** The fields present in the file that are not used because it is not approved. */
    public List<String> withheld() {
        var fields = new ArrayList<String>();
        if (approval == Approval.APPROVED || !content.isObject()) {
            return fields;
        }
        WHERE_CODE_GOES.stream().filter(content::has).forEach(fields::add);
        GUARD_SWITCHES.stream().filter(f -> content.path("guard").has(f)).map(f -> "guard." + f).forEach(fields::add);
        return fields;
    }

    /** Where the file would send code, one phrase per endpoint: "gpu1 at http://…, with the key in $VAR". */
    public List<String> destinations() {
        var lines = new ArrayList<String>();
        for (JsonNode endpoint : content.path("endpoints")) {
            String line = endpoint.path("name").asText("?") + " at " + endpoint.path("url").asText("?");
            if (endpoint.hasNonNull("apiKeyEnv")) {
                line += ", with the key in $" + endpoint.path("apiKeyEnv").asText();
            }
            lines.add(line);
        }
        return lines;
    }

    /** The directory to name in {@code gptoss-ls trust DIR}. */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    /**
     * One paragraph for the log, a message and the CLI: what was not used and how to allow it, or
     * empty when nothing was withheld.
     */
    public Optional<String> withheldNote() {
        List<String> fields = withheld();
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        String why = approval == Approval.CHANGED_SINCE_APPROVAL
                ? " has changed since you approved it" : " is not approved";
        String where = destinations().isEmpty() ? "" : " (it would send code to " + String.join("; ", destinations()) + ")";
        return Optional.of(file + why + ", so its " + String.join(", ", fields) + " are not used" + where
                + ". If you trust it, run: " + approveCommand());
    }

    public String approveCommand() {
        String dir = directory().toString();
        return "gptoss-ls trust " + (dir.matches("[\\w@%+=:,./-]+") ? dir : "'" + dir.replace("'", "'\\''") + "'");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
