package dev.gptoss.semantic;

import dev.gptoss.ls.cache.InstructionEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** all-MiniLM-L6-v2 (quantized), running in process with ONNX Runtime; the model ships in the jar. */
public final class MiniLmInstructionEmbedder implements InstructionEmbedder {
    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
