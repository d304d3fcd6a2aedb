package dev.gptoss.sim;

import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.net.URI;
import java.util.List;

/**
 * A model server that behaves like one: the fake model server's wire formats, timed by a hardware
 * profile (slots, queue, prefix cache, prefill and decode speed), answering from an {@link Oracle}
 * when given one (else with the fake's fixed answer), every request booked in a {@link Ledger}.
 */
public final class ModelSimulator implements AutoCloseable {
    /** What gpt-oss writes in its analysis channel when asked in chat mode with reasoning effort low. */
    public static final String REASONING = "The user wants only the code at the cursor. Provide it.";
    static final String[] MODEL_NAMES = {"gpt-oss:20b", "gpt-oss:120b", "gpt-oss-20b", "gpt-oss-120b",
        "openai/gpt-oss-20b", "openai/gpt-oss-120b"};

    private final FakeModelBackend backend;
    private final Profile profile;
    private final Ledger ledger = new Ledger();
    private final GpuScheduler scheduler;

    private ModelSimulator(FakeModelBackend backend, Profile profile, Oracle oracle) {
        this.backend = backend;
        this.profile = profile;
        this.scheduler = new GpuScheduler(profile, KvCache.of(profile.cache(), profile.slots(), profile.blockTokens()));
        var book = new SimulatedPacing.AnswerBook();
        var behavior = backend.behavior().models(MODEL_NAMES).reasoning(REASONING)
                .pacing(new SimulatedPacing(scheduler, new Tokenizer(), ledger, book::take));
        if (oracle != null) {
            behavior.answer(body -> {
                OracleAnswer answer = oracle.answer(PromptText.of(body)).orElse(null);
                book.give(body, answer);
                return answer == null ? "" : answer.text();
            });
        }
    }

    /**
     * Starts on 127.0.0.1 ({@code port} 0 for an ephemeral one).
     *
     * @param oracle answers from the files being typed; null keeps the fake's answer knob
     */
    public static ModelSimulator start(Flavor flavor, Profile profile, Oracle oracle, int port) {
        return new ModelSimulator(FakeModelBackend.start(flavor, port), profile, oracle);
    }

    public URI url() {
        return backend.url();
    }

    public Profile profile() {
        return profile;
    }

    /** The fake underneath, for its answer knobs and its request log. */
    public FakeModelBackend backend() {
        return backend;
    }

    public Ledger ledger() {
        return ledger;
    }

    public List<Booking> bookings() {
        return ledger.bookings();
    }

    /**
     * How many of the prompt tokens a request computed a later request found in the cache (a cut
     * request's prefill still served the next one).
     */
    public int reusedTokens(Booking booking) {
        return scheduler.reusedTokens(booking.id());
    }

    @Override
    public void close() {
        backend.close();
    }
}
