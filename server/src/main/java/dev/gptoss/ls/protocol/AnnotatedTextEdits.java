package dev.gptoss.ls.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.eclipse.lsp4j.AnnotatedTextEdit;
import org.eclipse.lsp4j.TextEdit;

/**
 * Writes an {@link AnnotatedTextEdit} with its {@code annotationId}. LSP4J 1.0.0 writes the edits of
 * a {@code TextDocumentEdit} by their declared type, {@code TextEdit}, which drops the annotation and
 * with it the editor's confirmation of a model's edit (eclipse-lsp4j/lsp4j#983, fixed after 1.0.0).
 */
final class AnnotatedTextEdits implements TypeAdapterFactory {

    static void register(GsonBuilder gson) {
        gson.registerTypeAdapterFactory(new AnnotatedTextEdits());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != TextEdit.class) {
            return null;
        }
        TypeAdapter<TextEdit> plain = gson.getDelegateAdapter(this, TypeToken.get(TextEdit.class));
        TypeAdapter<AnnotatedTextEdit> annotated = gson.getAdapter(AnnotatedTextEdit.class);
        return (TypeAdapter<T>) new TypeAdapter<TextEdit>() {
            @Override
            public void write(JsonWriter out, TextEdit edit) throws IOException {
                if (edit instanceof AnnotatedTextEdit withAnnotation) {
                    annotated.write(out, withAnnotation);
                } else {
                    plain.write(out, edit);
                }
            }

            @Override
            public TextEdit read(JsonReader in) throws IOException {
                return plain.read(in);
            }
        };
    }
}
