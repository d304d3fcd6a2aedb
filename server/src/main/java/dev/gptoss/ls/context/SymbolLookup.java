package dev.gptoss.ls.context;

import dev.gptoss.ls.syntax.Definition;
import java.util.List;

/** Where definitions can be found by name: open documents, the workspace index. */
public interface SymbolLookup {
    List<Definition> named(String name);
}
