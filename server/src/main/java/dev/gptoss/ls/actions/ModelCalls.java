package dev.gptoss.ls.actions;

import dev.gptoss.ls.syntax.CodeFacts;
import dev.gptoss.ls.syntax.SyntaxNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which calls reach a model, for {@code lukhas/unguarded-model-call}. A call is a model call when
 * it is made on a model client the file sets up (a value made by a model SDK's client, or a name
 * that says it is the model and is not a string), on a model SDK module, or is an HTTP request to a
 * model server's API path; and a function of the file that makes such a call and is called or
 * handed to a call elsewhere in the file is a model call wherever it is called (its own inner call is
 * then not reported: the breaker belongs around the function). A call is guarded when it runs inside the arguments of a
 * circuit breaker's call, a {@code with} block on a breaker, or a function decorated with one.
 */
final class ModelCalls {
    private static final Set<String> CLIENTS = Set.of(
            "openai.OpenAI", "openai.AsyncOpenAI", "openai.AzureOpenAI", "openai.AsyncAzureOpenAI", "openai.default",
            "ollama.Client", "ollama.AsyncClient", "ollama.Ollama", "ollama.default", "ollama/browser.default",
            "anthropic.Anthropic", "anthropic.AsyncAnthropic", "@anthropic-ai/sdk.default",
            "mistralai.Mistral", "@mistralai/mistralai.Mistral", "groq.Groq", "groq.AsyncGroq", "groq-sdk.default",
            "cohere.Client", "cohere.AsyncClient", "cohere.ClientV2", "vllm.LLM", "vllm.AsyncLLMEngine",
            "llama_cpp.Llama", "transformers.pipeline", "google.generativeai.GenerativeModel",
            "@google/generative-ai.GoogleGenerativeAI", "litellm.Router", "langchain_openai.ChatOpenAI",
            "langchain_ollama.ChatOllama", "langchain_community.llms.Ollama");
    /** Model SDK modules whose functions call a model (lower-case names; classes are set-up). */
    private static final Set<String> MODEL_MODULES = Set.of("ollama", "openai", "litellm", "anthropic");
    private static final Pattern MODEL_NAME = Pattern.compile("(?i)(?:^|[._])(?:model|llm|chat_?model|language_model)s?$");
    private static final Pattern MODEL_PATH = Pattern.compile(
            "/api/(?:chat|generate|embed|embeddings)\\b|/v1/(?:chat|completions|responses|embeddings|messages)\\b"
                    + "|/completions?\\b|/generate\\b");
    private static final Set<String> HTTP_METHODS = Set.of("post", "get", "put", "request", "stream", "fetch");
    private static final Pattern BREAKER = Pattern.compile("(?i)breaker|circuit");

    private ModelCalls() {
    }

    /** Whether the call reaches a model and is to be checked (not the inner call of a wrapper). */
    static boolean modelCall(CodeFacts facts, SyntaxNode call) {
        if (!facts.isCall(call)) {
            return false;
        }
        if (direct(facts, call)) {
            return facts.enclosingFunction(call).map(f -> !wrapper(facts, f)).orElse(true);
        }
        return facts.callee(call).map(c -> facts.functionsCalled(c).stream().anyMatch(f -> wrapper(facts, f)))
                .orElse(false);
    }

    /** Whether the call runs through a circuit breaker. */
    static boolean guarded(CodeFacts facts, SyntaxNode call) {
        for (SyntaxNode at = call.parent().orElse(null); at != null; at = at.parent().orElse(null)) {
            if (facts.isCall(at) && facts.callee(at).map(c -> !c.contains(call) && BREAKER.matcher(c.text()).find())
                    .orElse(false)) {
                return true;
            }
            if ((at.is("with_statement") || at.is("with_clause"))
                    && at.namedChildren().stream().anyMatch(i -> !i.contains(call) && BREAKER.matcher(i.text()).find())) {
                return true;
            }
            if (facts.isFunction(at) && facts.decorated(at, d -> BREAKER.matcher(d).find())) {
                return true;
            }
        }
        return false;
    }

    private static boolean direct(CodeFacts facts, SyntaxNode call) {
        Optional<SyntaxNode> callee = facts.callee(call);
        if (callee.isEmpty()) {
            return false;
        }
        Optional<String> name = facts.qualifiedName(call);
        if (name.isPresent() && fromModelModule(name.get())) {
            return true;
        }
        for (Optional<SyntaxNode> r = facts.receiver(callee.get()); r.isPresent(); r = facts.receiver(r.get())) {
            if (modelObject(facts, r.get())) {
                return true;
            }
        }
        return httpToModel(facts, call, callee.get(), name);
    }

    private static boolean fromModelModule(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot < 0 || !MODEL_MODULES.contains(qualified.substring(0, dot))) {
            return false;
        }
        String last = qualified.substring(qualified.lastIndexOf('.') + 1);
        return !last.isEmpty() && Character.isLowerCase(last.charAt(0));
    }

    private static boolean modelObject(CodeFacts facts, SyntaxNode expression) {
        if (facts.madeBy(expression, CLIENTS::contains)) {
            return true;
        }
        Optional<String> bound = facts.boundName(expression);
        return bound.isPresent() && MODEL_NAME.matcher(bound.get()).find()
                && !facts.madeBy(expression, q -> q.equals("builtins.str") || q.equals("string") || q.equals("String"))
                && facts.assignedValues(expression).stream().noneMatch(v -> v.is("string"));
    }

    private static boolean httpToModel(CodeFacts facts, SyntaxNode call, SyntaxNode callee, Optional<String> name) {
        String method = facts.memberName(callee).or(() -> name).orElse("");
        method = method.substring(method.lastIndexOf('.') + 1);
        if (!HTTP_METHODS.contains(method)) {
            return false;
        }
        List<SyntaxNode> arguments = facts.arguments(call);
        if (arguments.isEmpty()) {
            return false;
        }
        return facts.stringValues(arguments.get(0)).stream().anyMatch(s -> MODEL_PATH.matcher(s.text()).find());
    }

    /** Whether a function of the file makes a model call and is called or handed to a call elsewhere in it. */
    private static boolean wrapper(CodeFacts facts, SyntaxNode function) {
        return facts.memo("lukhas.model-wrapper@" + function.start(), () ->
                facts.callsIn(function).stream().anyMatch(c -> direct(facts, c))
                        && facts.references(function).stream().anyMatch(r -> calledOrPassed(facts, r)));
    }

    /** A use that calls the function or hands it to a call (a breaker's execute, say); not a mere mention. */
    private static boolean calledOrPassed(CodeFacts facts, SyntaxNode reference) {
        Optional<SyntaxNode> parent = reference.parent();
        return parent.isPresent() && (facts.isCall(parent.get()) && facts.callee(parent.get()).map(reference::equals).orElse(false)
                || parent.get().is("argument_list") || parent.get().is("arguments"));
    }
}
