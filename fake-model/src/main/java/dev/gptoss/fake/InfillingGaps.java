package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Gaps from files in HumanEval infilling's format: one JSON object a line with {@code task_id},
 * {@code prompt}, {@code canonical_solution} and {@code suffix}, gzipped when the name ends in
 * {@code .gz}.
 */
public final class InfillingGaps {
    private InfillingGaps() {
    }

    public static List<InfillingGap> read(List<Path> files) {
        var json = new ObjectMapper();
        var gaps = new ArrayList<InfillingGap>();
        for (Path file : files) {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        JsonNode task = json.readTree(line);
                        gaps.add(new InfillingGap(task.path("task_id").asText(), task.path("prompt").asText(),
                                task.path("canonical_solution").asText(), task.path("suffix").asText()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read infilling tasks from " + file, e);
            }
        }
        return gaps;
    }
}
