package dev.gptoss.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.cache.InstructionEmbedder;
import dev.gptoss.ls.cache.SemanticAnswerCache;
import dev.gptoss.ls.cache.SemanticAnswerCache.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The semantic answer cache with the real all-MiniLM-L6-v2 model, offline. */
class SemanticAnswerCacheTest {
    private static InstructionEmbedder embedder;

    /** Code pairs that differ by one operator or one identifier; an answer for one is wrong for the other. */
    private static final String[][] NEAR_MISSES = {
        {"python", "def total(a, b):\n    return a + b", "def total(a, b):\n    return a - b"},
        {"python", "def total(a, b):\n    return a * b", "def total(a, b):\n    return a / b"},
        {"python", "if count > limit:\n    flush()", "if count >= limit:\n    flush()"},
        {"python", "if count < limit:\n    flush()", "if count <= limit:\n    flush()"},
        {"python", "while retries and not done:\n    retry()", "while retries or not done:\n    retry()"},
        {"python", "return cache.get(key)", "return cache.pop(key)"},
        {"python", "items.sort()", "items.reverse()"},
        {"python", "x = value // 2", "x = value % 2"},
        {"python", "ok = a == b", "ok = a != b"},
        {"python", "ok = a is None", "ok = a is not None"},
        {"python", "total += price", "total -= price"},
        {"python", "timeout = config.read_timeout", "timeout = config.connect_timeout"},
        {"python", "session.close()", "session.open()"},
        {"python", "await asyncio.sleep(delay)", "time.sleep(delay)"},
        {"python", "start = time.perf_counter()", "start = time.time()"},
        {"python", "key = json.dumps(req, sort_keys=True)", "key = json.dumps(req, sort_keys=False)"},
        {"python", "mask = flags & READ", "mask = flags | READ"},
        {"python", "shift = n << 2", "shift = n >> 2"},
        {"java", "int total(int a, int b) { return a + b; }", "int total(int a, int b) { return a - b; }"},
        {"java", "if (i < n) { i++; }", "if (i <= n) { i++; }"},
        {"java", "list.add(item);", "list.remove(item);"},
        {"java", "long t = System.nanoTime();", "long t = System.currentTimeMillis();"},
        {"java", "return left && right;", "return left || right;"},
        {"java", "counter.incrementAndGet();", "counter.decrementAndGet();"},
        {"java", "map.putIfAbsent(k, v);", "map.put(k, v);"},
        {"typescript", "const ok = a === b;", "const ok = a !== b;"},
        {"typescript", "const start = performance.now();", "const start = Date.now();"},
        {"typescript", "items.push(x);", "items.unshift(x);"},
        {"typescript", "return x ?? fallback;", "return x || fallback;"},
        {"typescript", "const n = parseInt(s, 10);", "const n = parseFloat(s);"},
        {"typescript", "await Promise.all(tasks);", "await Promise.allSettled(tasks);"},
        {"typescript", "if (retries > 0) { retry(); }", "if (retries < 0) { retry(); }"},
    };

    @BeforeAll
    static void loadModel() {
        embedder = new MiniLmInstructionEmbedder();
    }

    private SemanticAnswerCache cache(CacheStats stats) {
        return new SemanticAnswerCache(() -> Optional.of(embedder), stats);
    }

    private static Scope scope(String languageId, String code) {
        return new Scope("gpt-oss:120b", "low", "explain", languageId, code);
    }

    @Test
    void aRephrasedQuestionOnTheSameCodeReusesTheAnswer() {
        var stats = new CacheStats();
        var cache = cache(stats);
        String code = "def total(a, b):\n    return a + b  # sum\n";
        cache.put(scope("python", code), "explain this", "It adds a and b.");

        assertEquals(Optional.of("It adds a and b."), cache.find(scope("python", code), "what does this code do?"));
        assertEquals(Optional.of("It adds a and b."),
                cache.find(scope("python", "def total(a, b):\n  return a + b\n"), "Explain this code."),
                "reformatted and uncommented code is the same code");
        assertEquals(2, stats.hits(CacheStats.Layer.SEMANTIC));
    }

    @Test
    void theSameQuestionOnCodeThatDiffersByOneTokenNeverHits() {
        var stats = new CacheStats();
        var cache = cache(stats);
        var wrongHits = new ArrayList<String>();
        for (String[] pair : NEAR_MISSES) {
            cache.put(scope(pair[0], pair[1]), "explain this", "answer for: " + pair[1]);
        }
        for (String[] pair : NEAR_MISSES) {
            for (String question : List.of("explain this", "what does this code do?")) {
                cache.find(scope(pair[0], pair[2]), question).ifPresent(answer -> wrongHits.add(pair[2] + " -> " + answer));
            }
        }
        assertTrue(NEAR_MISSES.length >= 30);
        assertEquals(List.of(), wrongHits);
    }

    @Test
    void aDifferentQuestionOnTheSameCodeMisses() {
        var cache = cache(new CacheStats());
        String code = "def total(a, b):\n    return a + b\n";
        cache.put(scope("python", code), "explain this", "It adds a and b.");
        for (String other : List.of("why is this code slow?", "is this code thread safe?",
                "what are the bugs in this code?", "how can this code be tested?", "rewrite this in Java")) {
            assertEquals(Optional.empty(), cache.find(scope("python", code), other), other);
        }
    }

    @Test
    void anotherActionKindModelOrLanguageMisses() {
        var cache = cache(new CacheStats());
        String code = "def total(a, b):\n    return a + b\n";
        cache.put(scope("python", code), "explain this", "It adds a and b.");
        assertEquals(Optional.empty(), cache.find(new Scope("gpt-oss:20b", "low", "explain", "python", code), "explain this"));
        assertEquals(Optional.empty(), cache.find(new Scope("gpt-oss:120b", "high", "explain", "python", code), "explain this"));
        assertEquals(Optional.empty(), cache.find(new Scope("gpt-oss:120b", "low", "docstring", "python", code), "explain this"));
        assertEquals(Optional.empty(), cache.find(new Scope("gpt-oss:120b", "low", "explain", "ruby", code), "explain this"));
    }
}
