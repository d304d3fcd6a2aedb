package dev.gptoss.ls.syntax;

import dev.gptoss.ls.documents.AppliedEdit;
import dev.gptoss.ls.documents.TextPosition;
import org.treesitter.TSInputEdit;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TSPoint;
import org.treesitter.TSTree;

/**
 * Parses Java strings as UTF-16, so that tree offsets are plain character offsets times two. The
 * bindings' {@code parseString} passes JNI's modified UTF-8, whose offsets would need a mapping
 * per line; feeding UTF-16 through a reader avoids that.
 */
final class Utf16Parsing {
    private static final int CHUNK_CHARS = 2048;

    private Utf16Parsing() {
    }

    static TSTree parse(TSLanguage language, String text, TSTree old) {
        try (var parser = new TSParser()) {
            parser.setLanguage(language);
            byte[] chunk = new byte[CHUNK_CHARS * 2];
            return parser.parse(chunk, old, (buffer, byteOffset, point) -> {
                int from = byteOffset / 2;
                int count = Math.max(0, Math.min(CHUNK_CHARS, text.length() - from));
                for (int i = 0; i < count; i++) {
                    char c = text.charAt(from + i);
                    buffer[2 * i] = (byte) c;
                    buffer[2 * i + 1] = (byte) (c >>> 8);
                }
                return count * 2;
            }, TSInputEncoding.TSInputEncodingUTF16LE);
        }
    }

    static TSInputEdit toInputEdit(AppliedEdit edit) {
        return new TSInputEdit(edit.startOffset() * 2, edit.oldEndOffset() * 2, edit.newEndOffset() * 2,
                point(edit.start()), point(edit.oldEnd()), point(edit.newEnd()));
    }

    private static TSPoint point(TextPosition position) {
        return new TSPoint(position.line(), position.character() * 2);
    }
}
