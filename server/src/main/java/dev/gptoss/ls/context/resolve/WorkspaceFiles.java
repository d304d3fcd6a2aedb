package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What name resolution reads of the workspace: definitions by name, outlines by file, files by file name. */
public interface WorkspaceFiles {
    /** Every definition of this name in the workspace. */
    List<Definition> named(String name);

    /** The outline of a file of the workspace, by URI. */
    Optional<FileOutline> outline(String uri);

    /** The URIs of the workspace's files with this file name (the last segment of the path). */
    Collection<String> filesNamed(String fileName);

}
