package dev.gptoss.ls.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/** The HumanEval infilling sets the server jar carries (MIT licence beside them), and ways to sample them. */
public enum InfillingTasks {
    SINGLE_LINE("HumanEval-SingleLineInfilling.jsonl.gz", "single-line"),
    MULTI_LINE("HumanEval-MultiLineInfilling.jsonl.gz", "multi-line");

    private final String resource;
    private final String id;

    InfillingTasks(String resource, String id) {
        this.resource = resource;
        this.id = id;
    }

    /** {@code single-line} or {@code multi-line}. */
    public String id() {
        return id;
    }

    public static InfillingTasks parse(String id) {
        for (InfillingTasks set : values()) {
            if (set.id.equals(id.toLowerCase(Locale.ROOT)) || set.name().equalsIgnoreCase(id)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown task set " + id + " (single-line or multi-line)");
    }

    /** Every task of the set, in the file's order. */
    public List<InfillingTask> all(ObjectMapper json) {
        try (InputStream raw = InfillingTasks.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("the task file " + resource + " is missing from the jar");
            }
            var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            var tasks = new ArrayList<InfillingTask>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    tasks.add(task(json.readTree(line)));
                }
            }
            return tasks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Every {@code n}th task from the first: a fixed sample spread over all problems. */
    public List<InfillingTask> everyNth(ObjectMapper json, int n) {
        List<InfillingTask> all = all(json);
        var sample = new ArrayList<InfillingTask>();
        for (int i = 0; i < all.size(); i += n) {
            sample.add(all.get(i));
        }
        return sample;
    }

    /** {@code size} tasks drawn at random without repeats; the same seed draws the same tasks. */
    public List<InfillingTask> sample(ObjectMapper json, int size, long seed) {
        var all = new ArrayList<>(all(json));
        Collections.shuffle(all, new Random(seed));
        return List.copyOf(all.subList(0, Math.min(size, all.size())));
    }

    private static InfillingTask task(JsonNode node) {
        return new InfillingTask(node.path("task_id").asText(), node.path("entry_point").asText(),
                node.path("prompt").asText(), node.path("canonical_solution").asText(),
                node.path("suffix").asText(), node.path("test").asText());
    }
}
