package dev.gptoss.bench.guard;

import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.config.GuardSettings;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.guard.GlobExclusions;
import dev.gptoss.ls.guard.ModelInputLimits;
import dev.gptoss.ls.guard.PlantedSecrets;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.guard.SecretRedactor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How long the guard takes per completion, for docs/benchmarks.md ("Per-completion cost of the
 * guard"). After {@code mvn -q -pl bench-jmh -am package -DskipTests}, run
 * {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m -cp bench-jmh/target/bench-jmh.jar dev.gptoss.bench.guard.RedactionTiming}.
 * Prints one Markdown table row per case.
 */
public final class RedactionTiming {
    private static final int WARMUP = 3000;
    private static final int RUNS = 5000;

    private RedactionTiming() {
    }

    public static void main(String[] args) {
        var redactor = SecretRedactor.standard();
        var guard = new PromptGuard(GlobExclusions.defaults(() -> null), GuardSettings.DEFAULT,
                List.of("sk-local-api-key-1234"));
        String code8k = code(8 * 1024, false);
        String secrets8k = code(8 * 1024, true);
        String code32k = code(32 * 1024, false);
        String keywords8k = "key = token; secret = auth(key, token)  # password pass pwd credential\n".repeat(115);
        String base64Block = ("A".repeat(10) + "b".repeat(54) + "\n").repeat(128);
        String chatUser = "File: app.py (python)\nComplete the current line only.\n\n" + secrets8k;
        var chat = new GenerationRequest("gpt-oss:20b", PromptMode.CHAT, null,
                List.of(new ChatMessage("system", "You are a code completion engine."), new ChatMessage("user", chatUser)),
                64, 0.2, List.of());
        var limits = new ModelInputLimits(GuardSettings.DEFAULT.maxDocumentBytes(), GuardSettings.DEFAULT.maxLineLength());
        String doc50k = code(50 * 1024, false);
        String doc2m = code(2 * 1024 * 1024 - 100, false);

        System.out.println("| case | text | median | p99 | max |");
        System.out.println("|---|---:|---:|---:|---:|");
        time("redact: ordinary code, no secret", code8k, () -> redactor.redact(code8k));
        time("redact: code with all 12 planted secrets", secrets8k, () -> redactor.redact(secrets8k));
        time("redact: ordinary code, ~8k tokens", code32k, () -> redactor.redact(code32k));
        time("redact: every line full of hint words", keywords8k, () -> redactor.redact(keywords8k));
        time("redact: 8 KB base64 block", base64Block, () -> redactor.redact(base64Block));
        time("PromptGuard.redact(chat request with secrets)", chatUser, () -> guard.redact(chat));
        time("limits: 50 KB document (once per version)", doc50k, () -> limits.refusal(doc50k));
        time("limits: 2 MB document (once per version)", doc2m, () -> limits.refusal(doc2m));
    }

    private static void time(String name, String text, Supplier<?> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        int runs = text.length() > 1_000_000 ? RUNS / 20 : RUNS;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("| %s | %,d chars | %.1f µs | %.1f µs | %.1f µs |%n", name, text.length(),
                nanos[runs / 2] / 1e3, nanos[(int) (runs * 0.99)] / 1e3, nanos[runs - 1] / 1e3);
    }

    /** Python-like code of about {@code size} characters, optionally with every planted secret at its top. */
    static String code(int size, boolean withSecrets) {
        var random = new Random(42);
        var text = new StringBuilder();
        if (withSecrets) {
            for (PlantedSecrets.Planted planted : PlantedSecrets.all(0)) {
                text.append(planted.line()).append('\n');
            }
        }
        String[] names = {"items", "total", "price", "user", "config", "result", "value", "index", "cache", "path"};
        int n = 0;
        while (text.length() < size) {
            String a = names[random.nextInt(names.length)];
            String b = names[random.nextInt(names.length)];
            text.append("def compute_").append(a).append('_').append(n++).append('(').append(b)
                    .append(", options=None):\n")
                    .append("    \"\"\"Return the ").append(a).append(" for ").append(b).append(".\"\"\"\n")
                    .append("    if ").append(b).append(" is None:\n")
                    .append("        return {}\n")
                    .append("    ").append(a).append(" = [x * 2 for x in ").append(b).append(" if x > ").append(n)
                    .append("]\n")
                    .append("    return sum(").append(a).append(")\n\n");
        }
        return text.substring(0, Math.min(text.length(), size));
    }
}
