package dev.gptoss.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Position;

/**
 * Types the corpus into one language server as a person in VS Code would: each key is a change
 * followed by a request for a suggestion, the previous request cancelled. Ghost text shows when an
 * answer for the current version arrives and stays while the person types what it says; the
 * person reads it (a reaction time after it appears) and presses Tab when it is exactly what they
 * were about to type. One thread runs the clock; answers arrive from the server's threads through
 * a queue.
 */
final class ReplaySession {
    private record Answer(int version, Optional<ReplayEditor.Ghost> ghost, long nanos) {
    }

    private record Notice(long nanos, ReplayRun.Show show) {
    }

    /** The ghost text the editor shows now: what is left of one show. */
    private static final class Visible {
        final ReplayRun.Show show;
        String text;
        Runnable onAccept;

        Visible(ReplayRun.Show show, String text, Runnable onAccept) {
            this.show = show;
            this.text = text;
            this.onAccept = onAccept;
        }
    }

    private final ReplayEditor editor;
    private final List<ReplayCorpus.File> files;
    private final Typist typist;
    private final Path workDir;
    private final ReplayRun run;
    private final LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final PriorityQueue<Notice> notices = new PriorityQueue<>((a, b) -> Long.compare(a.nanos, b.nanos));
    /** What happened, one line an event, for reading a run afterwards (trace.log beside the server's log). */
    private final StringBuilder trace = new StringBuilder();

    private ReplayCorpus.File file;
    private String uri;
    private int version;
    private int offset;
    private ReplayEditor.Request pending;
    private Visible visible;
    private long nextKeyNanos;
    private long pauseStart = -1;
    private long pauseLatency = -1;

    ReplaySession(ReplayEditor editor, List<ReplayCorpus.File> files, Typist typist, Path workDir, String variant) {
        this.editor = editor;
        this.files = files;
        this.typist = typist;
        this.workDir = workDir;
        this.run = new ReplayRun(variant);
    }

    static String uriOf(Path workDir, String name) {
        return workDir.resolve(name).toAbsolutePath().toUri().toString();
    }

    /** Opens every file with its regions deleted. */
    void open() {
        for (ReplayCorpus.File f : files) {
            editor.open(uriOf(workDir, f.name()), f.languageId(), f.openedText());
        }
    }

    /** The events of the run, one line each: milliseconds since the start, what, where. */
    String trace() {
        return trace.toString();
    }

    private void log(String event) {
        trace.append(String.format(java.util.Locale.ROOT, "%10.1f %s %d v%d %s%n",
                (System.nanoTime() - run.startNanos) / 1e6, file == null ? "-" : file.name(), offset, version, event));
    }

    ReplayRun type() throws InterruptedException {
        run.startNanos = System.nanoTime();
        for (ReplayCorpus.File f : files) {
            file = f;
            uri = uriOf(workDir, f.name());
            version = 1;
            for (ReplayCorpus.Region region : f.regions()) {
                typeRegion(region);
            }
        }
        run.endNanos = System.nanoTime();
        settle(1_000_000_000L);
        return run;
    }

    private void typeRegion(ReplayCorpus.Region region) throws InterruptedException {
        offset = region.start();
        cancelPending();
        visible = null;
        notices.clear();
        nextKeyNanos = System.nanoTime() + Typist.NAVIGATION_NANOS;
        while (offset < region.end()) {
            Notice notice = notices.peek();
            long wake = Math.min(nextKeyNanos, notice == null ? Long.MAX_VALUE : notice.nanos);
            long now = System.nanoTime();
            Answer answer = wake > now ? answers.poll(wake - now, TimeUnit.NANOSECONDS) : answers.poll();
            if (answer != null) {
                arrived(answer);
            } else if (notice != null && notice.nanos <= nextKeyNanos && System.nanoTime() >= notice.nanos) {
                notices.poll();
                noticed(notice.show, region);
            } else if (System.nanoTime() >= nextKeyNanos) {
                typeKey(region);
            }
        }
        closePause();
    }

    private void typeKey(ReplayCorpus.Region region) {
        String key = Typist.keyAt(file.text(), offset);
        log("key " + quote(key));
        edit(key);
        run.keys++;
        run.typedChars += key.length();
        if (visible != null && visible.text.startsWith(key) && visible.text.length() > key.length()) {
            visible.text = visible.text.substring(key.length());
        } else {
            visible = null;
        }
        afterAction(region);
    }

    /** The person has read the suggestion: Tab if it is exactly what they were about to type. */
    private void noticed(ReplayRun.Show show, ReplayCorpus.Region region) {
        if (visible == null || visible.show != show
                || !file.text().startsWith(visible.text, offset) || offset + visible.text.length() > region.end()) {
            return;
        }
        Visible taken = visible;
        log("accept " + quote(taken.text));
        edit(taken.text);
        taken.onAccept.run();
        run.accepts++;
        run.acceptedChars += taken.text.length();
        show.acceptedChars += taken.text.length();
        visible = null;
        afterAction(region);
    }

    /** Sends the change at the cursor and moves the cursor after it. */
    private void edit(String text) {
        closePause();
        editor.insert(uri, ++version, position(offset), text);
        offset += text.length();
    }

    /** After each change: a new request (the previous one cancelled), the next key planned, a pause opened. */
    private void afterAction(ReplayCorpus.Region region) {
        cancelPending();
        int askedAt = version;
        Position at = position(offset);
        ReplayEditor.Request request = editor.suggest(uri, at, lineBefore(offset));
        pending = request;
        request.answer().whenComplete((ghost, error) -> {
            if (error == null) {
                answers.add(new Answer(askedAt, ghost, System.nanoTime()));
            }
        });
        long now = System.nanoTime();
        if (offset < region.end()) {
            long interval = typist.intervalNanos(file.name(), file.text(), offset);
            nextKeyNanos = now + interval;
            if (interval >= Typist.PAUSE_NANOS) {
                pauseStart = now;
                pauseLatency = visible != null ? 0 : -1;
                log("pause " + interval / 1_000_000 + " ms" + (visible != null ? ", ghost already there" : ""));
            }
        }
    }

    private void arrived(Answer answer) {
        log("answer for v" + answer.version() + ": " + answer.ghost().map(g -> quote(g.text())).orElse("none"));
        if (answer.version() != version || answer.ghost().isEmpty()) {
            return;
        }
        ReplayEditor.Ghost ghost = answer.ghost().get();
        if (visible != null && visible.text.equals(ghost.text())) {
            visible.onAccept = ghost.onAccept();
            return;
        }
        var show = new ReplayRun.Show(answer.nanos(), file.name(), offset, ghost.text());
        run.shows.add(show);
        visible = new Visible(show, ghost.text(), ghost.onAccept());
        notices.add(new Notice(answer.nanos() + typist.reactionNanos(file.name(), offset), show));
        if (pauseStart >= 0 && pauseLatency < 0) {
            pauseLatency = Math.max(0, answer.nanos() - pauseStart);
        }
    }

    private void closePause() {
        if (pauseStart >= 0) {
            log("pause over: " + (pauseLatency < 0 ? "no ghost text" : "ghost text after " + pauseLatency / 1_000_000 + " ms"));
            run.pauseToGhost.add(pauseLatency);
            run.pauseLengths.add(System.nanoTime() - pauseStart);
            pauseStart = -1;
            pauseLatency = -1;
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("\n", "\\n").replace("\t", "\\t") + "'";
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** Lets answers and cancellations finish before the books are read. */
    private void settle(long nanos) throws InterruptedException {
        cancelPending();
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            answers.poll(left, TimeUnit.NANOSECONDS);
        }
    }

    /** The editor position of a file offset: every region before it is typed, every one after it deleted. */
    private Position position(int fileOffset) {
        String text = file.text();
        int lineStart = text.lastIndexOf('\n', fileOffset - 1) + 1;
        int line = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < fileOffset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return new Position(line, fileOffset - lineStart);
    }

    private String lineBefore(int fileOffset) {
        String text = file.text();
        return text.substring(text.lastIndexOf('\n', fileOffset - 1) + 1, fileOffset);
    }
}
