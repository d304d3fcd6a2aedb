package dev.gptoss.ls.context;

import dev.gptoss.ls.context.resolve.CursorNames;
import dev.gptoss.ls.context.resolve.NameResolver;
import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Definitions the cursor needs, resolved before retrieved: first the declared type of the
 * receiver before the cursor, then the types of the enclosing signature and the names the cursor
 * line uses, each resolved through the file's imports and the language's rules; then names used
 * near the cursor that this file defines outside the visible window. A name no rule reaches is
 * guessed only for the receiver and the cursor line, once each, from the nearest file of the same
 * language (never a test file for other code), and only when no other file is as near.
 */
public final class DefinitionsSource implements ContextSource {
    static final String NAME = "definition";
    private static final int NEAR_CHARS = 1500;
    private static final int MAX_LOCAL_NAMES = 8;
    /** Files besides this one the snippets may come from: a few resolved definitions beat many guesses. */
    private static final int MAX_OTHER_FILES = 3;
    private static final int MAX_GUESSES = 1;

    private final NameResolver resolver;

    public DefinitionsSource(NameResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ContextSnippet> collect(ContextRequest request) {
        FileOutline file = request.outline();
        CursorContext cursor = request.cursor();
        CursorNames names = CursorNames.at(file, request.cursorLine(), cursor.linePrefix(), cursor.lineSuffix());
        var picked = new Picked(request);
        if (!names.receiverType().isEmpty()) {
            List<Definition> receiver = resolver.resolve(file, names.receiverType());
            if (receiver.isEmpty()) {
                receiver = guess(file, names.receiverType(), true, picked);
            }
            picked.add(receiver, true);
        }
        var unresolved = new ArrayList<List<String>>();
        for (List<String> name : concat(names.signatureTypes(), names.lineNames())) {
            List<Definition> found = resolver.resolve(file, name);
            if (found.isEmpty()) {
                unresolved.add(name);
            }
            picked.add(found, false);
        }
        for (String name : namesNearCursor(request)) {
            if (picked.localNames >= MAX_LOCAL_NAMES) {
                break;
            }
            picked.addLocal(file.named(name));
        }
        for (List<String> name : unresolved) {
            if (name.size() == 1 && names.lineNames().contains(name)) {
                picked.add(guess(file, name, false, picked), false);
            }
        }
        return picked.snippets;
    }

    private List<Definition> guess(FileOutline file, List<String> name, boolean typesOnly, Picked picked) {
        if (picked.guesses >= MAX_GUESSES || name.get(name.size() - 1).length() < 3) {
            return List.of();
        }
        List<Definition> guessed = resolver.guess(file, name.get(name.size() - 1), typesOnly);
        if (!guessed.isEmpty()) {
            picked.guesses++;
        }
        return guessed;
    }

    private static List<List<String>> concat(List<List<String>> a, List<List<String>> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The snippets taken so far, nearest need first, and what is left of each allowance. */
    private static final class Picked {
        final ContextRequest request;
        final List<ContextSnippet> snippets = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> otherFiles = new HashSet<>();
        int localNames;
        int guesses;

        Picked(ContextRequest request) {
            this.request = request;
        }

        void add(List<Definition> definitions, boolean always) {
            String uri = request.document().uri();
            for (Definition d : definitions) {
                if (d.path().equals(uri)) {
                    addLocal(List.of(d));
                } else if ((always || otherFiles.contains(d.path()) || otherFiles.size() < MAX_OTHER_FILES)
                        && seen.add(d.path() + "#" + d.startLine())) {
                    otherFiles.add(d.path());
                    snippets.add(new ContextSnippet(NAME, d.path(), d.summary(), snippets.size()));
                }
            }
        }

        void addLocal(List<Definition> definitions) {
            boolean any = false;
            for (Definition d : definitions) {
                if (!request.visible(d.startLine()) && !d.contains(request.cursorLine())
                        && seen.add(d.path() + "#" + d.startLine())) {
                    snippets.add(new ContextSnippet(NAME, d.path(), d.summary(), snippets.size()));
                    any = true;
                }
            }
            if (any) {
                localNames++;
            }
        }
    }

    /** Identifiers around the cursor, nearest first: the cursor line, then the lines above, then below. */
    private static List<String> namesNearCursor(ContextRequest request) {
        CursorContext cursor = request.cursor();
        String before = cursor.prefix();
        before = before.substring(Math.max(0, before.length() - NEAR_CHARS));
        var ordered = new ArrayList<>(Identifiers.in(before));
        java.util.Collections.reverse(ordered);
        Set<String> names = new LinkedHashSet<>(ordered);
        String after = cursor.suffix();
        names.addAll(Identifiers.in(after.substring(0, Math.min(after.length(), NEAR_CHARS / 3))));
        return new ArrayList<>(names);
    }
}
