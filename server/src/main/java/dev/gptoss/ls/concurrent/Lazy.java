package dev.gptoss.ls.concurrent;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made once, on first use, by whichever thread asks first. For parts the editor's
 * {@code initialize} need not wait for (a cache's classes take tens of milliseconds to load).
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    private Lazy(Supplier<T> make) {
        this.make = make;
    }

    public static <T> Lazy<T> of(Supplier<T> make) {
        return new Lazy<>(Objects.requireNonNull(make));
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(make.get(), "a lazy value was made null");
                    value = made;
                }
            }
        }
        return made;
    }
}
