package dev.gptoss.ls.syntax;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a linter knows about a file beyond its shape: what a name refers to through the file's
 * imports, which function a node is in and whether it is async, where a value came from and where
 * it goes. One per tree, made on first use; answers are computed from the tree alone (no other
 * file is read).
 */
public interface CodeFacts {

    /** The facts for a tree; empty for languages the rules do not read. */
    static Optional<CodeFacts> of(SyntaxTree tree) {
        return Optional.ofNullable(tree.facts());
    }

    /**
     * The fully qualified name an expression refers to: {@code rq.get} after {@code import requests
     * as rq} is {@code requests.get}; a Python builtin is {@code builtins.open}; a Java class is
     * named through its import. A call stands for its callee. Empty for local values.
     */
    Optional<String> qualifiedName(SyntaxNode expression);

    /**
     * Whether the expression's value was made by a call (or is declared with a type) whose
     * qualified name passes {@code made}: followed through assignments, {@code with ... as},
     * parameter and variable annotations, and attributes set on {@code self}/{@code this}.
     */
    boolean madeBy(SyntaxNode expression, Predicate<String> made);

    /** Whether the code runs in an async function (a nested plain function or lambda is not). */
    boolean inAsyncFunction(SyntaxNode node);

    /** The named function or method the node is in (lambdas are looked through). */
    Optional<SyntaxNode> enclosingFunction(SyntaxNode node);

    Optional<String> functionName(SyntaxNode function);

    /** Whether an argument list (or options object) has one of these keywords, or a spread that may. */
    boolean hasKeyword(SyntaxNode arguments, List<String> names);

    /**
     * Whether the expression's value reaches an argument of a call whose qualified name passes
     * {@code sink}: directly, through methods called on it, or through a local name it is assigned
     * to within the same function.
     */
    boolean reachesCall(SyntaxNode expression, Predicate<String> sink);

    /** Whether a method chain that continues from this call calls one of these methods. */
    boolean chainHas(SyntaxNode call, List<String> methods);

    /**
     * {@link #chainHas} for grammars where a chained call is a call of a member access
     * ({@code call(function: member(object: <call>, <nameField>: name))}), as in Python and JS/TS.
     */
    static boolean chainOfMembersHas(SyntaxNode call, List<String> methods, String memberType, String nameField,
                                     String callType) {
        SyntaxNode at = call;
        while (at.parentOrNull() != null && at.parentOrNull().is(memberType)
                && at.parentOrNull().field("object").map(at::equals).orElse(false)) {
            SyntaxNode member = at.parentOrNull();
            if (member.field(nameField).map(name -> methods.contains(name.text())).orElse(false)) {
                return true;
            }
            at = member.parentOrNull() != null && member.parentOrNull().is(callType) ? member.parentOrNull() : member;
        }
        return false;
    }

    /** Whether a literal is the default of an environment or configuration lookup. */
    boolean environmentDefault(SyntaxNode literal);

    /** Whether a string is a docstring (or another string standing alone as a statement). */
    boolean docstring(SyntaxNode string);

    /** The call's callee, when the node is a call. */
    Optional<SyntaxNode> callee(SyntaxNode call);

    /** Whether the node is a call (a {@code new} expression included). */
    boolean isCall(SyntaxNode node);

    /** The call's arguments, in order: the named children of its {@code arguments} field in every grammar read here. */
    default List<SyntaxNode> arguments(SyntaxNode call) {
        return call.field("arguments").map(SyntaxNode::namedChildren).orElse(List.of());
    }

    /** The object a method is called on ({@code a.b} in {@code a.b.c()}), when the callee is a member. */
    Optional<SyntaxNode> receiver(SyntaxNode callee);

    /** The member name of a member expression ({@code c} in {@code a.b.c}). */
    Optional<String> memberName(SyntaxNode callee);

    /** Whether the expression is {@code self} or {@code this}. */
    boolean isSelf(SyntaxNode expression);

    /** The name an expression is read from, for {@code x} and {@code self.x}/{@code this.x}. */
    Optional<String> boundName(SyntaxNode expression);

    /** The expressions assigned to a name or self-attribute the expression reads. */
    List<SyntaxNode> assignedValues(SyntaxNode expression);

    /** Whether the node is a named function or method definition. */
    boolean isFunction(SyntaxNode node);

    /**
     * The functions of this file a call through {@code callee} reaches: methods of the enclosing
     * class for {@code self.name}/{@code this.name}, else the function {@code name} is bound to.
     */
    List<SyntaxNode> functionsCalled(SyntaxNode callee);

    /** Whether the function is decorated with something whose text passes {@code test}. */
    boolean decorated(SyntaxNode function, Predicate<String> test);

    /** Where a function or method of this file is referred to (called or passed), outside itself. */
    List<SyntaxNode> references(SyntaxNode function);

    /** Every call in the subtree, nested functions included. */
    List<SyntaxNode> callsIn(SyntaxNode node);

    /** What a reader derives from the whole file once per tree, kept under {@code key}. */
    <T> T memo(String key, java.util.function.Supplier<T> make);

    /** String literals in an expression: the literal itself, or the value a name it reads was given. */
    List<SyntaxNode> stringValues(SyntaxNode expression);
}
