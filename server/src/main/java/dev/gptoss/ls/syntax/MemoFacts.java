package dev.gptoss.ls.syntax;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The part of every {@link CodeFacts} that keeps what its readers derive from it, per tree. */
abstract class MemoFacts implements CodeFacts {
    private final Map<String, Object> memo = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> make) {
        Object made = memo.get(key);
        if (made == null) {
            made = make.get();
            memo.put(key, made);
        }
        return (T) made;
    }
}
