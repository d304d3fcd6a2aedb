package dev.gptoss.ls.syntax;

import dev.gptoss.ls.documents.AppliedEdit;
import java.util.List;

/**
 * Where one version of a text differs from an earlier one: outside {@code [start, oldEnd)} of the
 * earlier version and {@code [start, newEnd)} of the later one, text and syntax are the same, the
 * later shifted by {@code newEnd - oldEnd}.
 */
record Damage(int start, int oldEnd, int newEnd) {

    int delta() {
        return newEnd - oldEnd;
    }

    /** This damage followed by {@code next}, which is in the coordinates of this one's later version. */
    Damage then(Damage next) {
        int end = Math.max(newEnd, next.oldEnd);
        return new Damage(Math.min(start, next.start), end - delta(), end + next.delta());
    }

    /** Widened to cover {@code [from, to)} of the later version too. */
    Damage covering(int from, int to) {
        int end = Math.max(newEnd, to);
        return new Damage(Math.min(start, from), end - delta(), end);
    }

    static Damage of(List<AppliedEdit> edits) {
        Damage damage = null;
        for (AppliedEdit edit : edits) {
            var next = new Damage(edit.startOffset(), edit.oldEndOffset(), edit.newEndOffset());
            damage = damage == null ? next : damage.then(next);
        }
        return damage == null ? new Damage(0, 0, 0) : damage;
    }
}
