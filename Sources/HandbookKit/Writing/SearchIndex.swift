/// Builds the Pagefind search index of a written output, inside that output's folder, so search
/// works offline and on an intranet. The index holds what the output's pages hold and nothing
/// else: the client handbook's index is made from client pages only.
public enum SearchIndex {
    public static func build(in folder: String, tool: ExternalTool) throws {
        try tool.run(["--site", folder, "--quiet"])
    }
}
