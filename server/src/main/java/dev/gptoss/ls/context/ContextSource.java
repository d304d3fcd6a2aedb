package dev.gptoss.ls.context;

import java.util.List;

/** One kind of context (LemMinX-style participant); the assembler survives any one of them failing. */
public interface ContextSource {
    /** The source's name in the prompt and in {@code gptoss.showContext}. */
    String name();

    List<ContextSnippet> collect(ContextRequest request);
}
