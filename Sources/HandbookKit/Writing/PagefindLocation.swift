import Foundation

/// Where the `pagefind-bin` package of the `python3` on the PATH keeps its program, remembered
/// between builds in the user's cache folder. Asking Python takes 0.1 to 0.2 s (a pyenv `python3`
/// is a shell script that starts Python), a third of the sample program's build with search;
/// reading this file and checking the program takes a few milliseconds.
///
/// The file holds two lines: the `python3` that was asked, and the program it named. It is used
/// only while the same `python3` is first on the PATH and the program is still there; otherwise
/// Python is asked again and the file rewritten. Nothing depends on the file: without a
/// writable cache folder, Python is asked at every build, as before.
enum PagefindLocation {
    /// `$XDG_CACHE_HOME/handbook/pagefind-location`, else `~/.cache/handbook/pagefind-location`.
    static func cacheFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/handbook/pagefind-location" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/handbook/pagefind-location"
    }

    /// The program remembered for `python`, if it is still an executable file.
    static func remembered(for python: String, in file: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0] == python, lines[1].hasPrefix("/") else { return nil }
        let program = String(lines[1])
        return FileManager.default.isExecutableFile(atPath: program) ? program : nil
    }

    /// Best effort: a cache folder that cannot be written only means Python is asked next time.
    static func remember(_ program: String, for python: String, in file: String) {
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try? Data("\(python)\n\(program)\n".utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
