package dev.gptoss.ls.syntax;

/**
 * A named definition in a file: a class, function, method, type, constant.
 *
 * @param path the file's URI
 * @param startLine zero-based first line
 * @param endLine zero-based last line
 * @param scope whether it has a body the cursor can be inside (class, function)
 * @param header the signature line(s) and the doc comment or docstring
 * @param summary what a reader of a call site needs: the whole definition when short, else the
 *                header and the headers of its members
 */
public record Definition(String name, String kind, String path, int startLine, int endLine, boolean scope,
                         String header, String summary) {

    public boolean contains(int line) {
        return startLine <= line && line <= endLine;
    }
}
