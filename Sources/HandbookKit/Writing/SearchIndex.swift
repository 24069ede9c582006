import Foundation

/// Builds the Pagefind search index of a written output, inside that output's folder, so search
/// works offline and on an intranet. The index holds what the output's pages hold and nothing
/// else: the client handbook's index is made from client pages only. Pagefind keeps one index
/// per page language (`<html lang>`), so a translated output searches its own language.
public enum SearchIndex {
    public static func build(in folder: String, tool: ExternalTool) throws {
        try tool.run(["--site", folder, "--quiet"])
        try sortEntryFile(folder + "/pagefind/pagefind-entry.json")
    }

    /// Pagefind lists the languages of `pagefind-entry.json` in no fixed order; written again
    /// with sorted keys, the same pages give the same bytes (the browser reads it as JSON).
    static func sortEntryFile(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path),
              let json = try? JSONSerialization.jsonObject(with: data) else { return }
        let sorted = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .withoutEscapingSlashes])
        try sorted.write(to: URL(fileURLWithPath: path))
    }
}
