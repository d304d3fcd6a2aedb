package dev.gptoss.ls.guard;

/**
 * Text for a regex to read with a limit on how many characters it may read in all. A custom
 * pattern that backtracks badly on some input (or any bug of that kind) then fails one
 * completion, rather than holding a thread for minutes on a hostile document. The workspace's
 * ignore patterns read paths through it for the same reason.
 */
public final class ReadBudget implements CharSequence {
    private final String text;
    private final int[] left;
    private final int offset;
    private final int length;

    public ReadBudget(String text, long reads) {
        this(text, new int[] {(int) Math.min(Integer.MAX_VALUE, reads)}, 0, text.length());
    }

    private ReadBudget(String text, int[] left, int offset, int length) {
        this.text = text;
        this.left = left;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public char charAt(int index) {
        if (--left[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(offset + index);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new ReadBudget(text, left, offset + start, end - start);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }

    /** The budget is spent. */
    public static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }
}
