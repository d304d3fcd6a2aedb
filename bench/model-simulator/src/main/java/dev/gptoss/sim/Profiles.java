package dev.gptoss.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in hardware profiles. Every figure is a published measurement, named in
 * {@link Profile#source()} and in docs/benchmarks.md; none is interpolated or guessed.
 */
public final class Profiles {
    private static final Map<String, Profile> BUILT_IN = new LinkedHashMap<>();

    static {
        add(new Profile("gpt-oss-20b@dgx-spark", "gpt-oss-20b", "NVIDIA DGX Spark (GB10)", "llama.cpp",
                3610.56, List.of(79.74), 1, CacheMode.SLOT_PREFIX, 16, 0,
                "llama.cpp b6767, llama-bench -fa 1 -p 2048 -n 32 -ub 2048: pp2048 3610.56 t/s, tg32 79.74 t/s"
                        + " (G. Gerganov, \"Performance of llama.cpp on NVIDIA DGX Spark\", ggml-org/llama.cpp"
                        + " discussion #16578, Oct 2025)"));
        add(new Profile("gpt-oss-20b@m1-pro", "gpt-oss-20b", "Apple MacBook Pro M1 Pro, 32 GB", "llama.cpp",
                404.62, List.of(37.05), 1, CacheMode.SLOT_PREFIX, 16, 0,
                "llama.cpp llama-completion on a 14,745-token prompt: prompt eval 404.62 t/s, eval 37.05 t/s"
                        + " (ml-explore/mlx-lm issue #858, Feb 2026)"));
        add(new Profile("gpt-oss-120b@dgx-spark", "gpt-oss-120b", "NVIDIA DGX Spark (GB10)", "llama.cpp",
                1937.39, List.of(59.05), 1, CacheMode.SLOT_PREFIX, 16, 0,
                "llama.cpp build 7486, llama-bench: pp2048 1937.39 t/s, tg32 59.05 t/s (NVIDIA developer forum,"
                        + " \"Llama.cpp experimental native mxfp4 support for blackwell PR\", figures of Dec 19, 2025)"));
        add(new Profile("gpt-oss-120b@ryzen-ai-max-395", "gpt-oss-120b", "AMD Ryzen AI Max+ 395, 128 GB (Framework Desktop)",
                "llama.cpp (ROCm)", 684.08, List.of(41.52), 1, CacheMode.SLOT_PREFIX, 16, 0,
                "llama.cpp llama-bench -fa 1, ROCm: pp512 684.08 t/s, tg128 41.52 t/s (Framework community forum,"
                        + " \"Will the AI Max+ 395 (128GB) be able to run gpt-oss-120b?\", post 26)"));
        add(new Profile("gpt-oss-120b@dgx-spark-vllm", "gpt-oss-120b", "NVIDIA DGX Spark (GB10)", "vLLM",
                1937.39, List.of(57.5, 78.4 / 2, 107.9 / 4, 107.9 / 4), 4, CacheMode.BLOCKS, 16, 0,
                "vLLM (vllm-node-mxfp4), llama-benchy pp1024 tg128, one node: decode 57.5 t/s for 1 request, 78.4 t/s"
                        + " for 2 and 107.9 t/s for 4 (summed over the requests; 3 requests use the 4-request"
                        + " figure) (kubis.ai, \"GPT-OSS-120B: Topology Benchmark on DGX Spark\", Mar 2026). No"
                        + " vLLM prefill figure was found for this machine: prefill is llama.cpp's on the same"
                        + " machine (the gpt-oss-120b@dgx-spark source)"));
    }

    private Profiles() {
    }

    private static void add(Profile profile) {
        BUILT_IN.put(profile.name(), profile);
    }

    public static List<Profile> all() {
        return List.copyOf(BUILT_IN.values());
    }

    /** A built-in profile by name, optionally with {@code /Nslots} and {@code /blocks|slot_prefix|none} after it. */
    public static Profile named(String spec) {
        String[] parts = spec.split("/");
        Profile profile = BUILT_IN.get(parts[0]);
        if (profile == null) {
            throw new IllegalArgumentException("unknown profile " + parts[0] + "; known: " + BUILT_IN.keySet());
        }
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].toLowerCase(java.util.Locale.ROOT);
            if (part.endsWith("slots") || part.endsWith("slot")) {
                profile = profile.withSlots(Integer.parseInt(part.replaceAll("[^0-9]", "")));
            } else {
                profile = profile.withCache(CacheMode.valueOf(part.toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return profile;
    }
}
