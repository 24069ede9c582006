import Foundation

/// Under `serve`, after the first build: writes only the files whose bytes changed, each through
/// a temporary file and a rename, and removes the files the previous build wrote that this one
/// does not. Errors are found before anything is written, so a failed build still changes nothing.
struct IncrementalWriter {
    let root: String
    let session: BuildSession

    static func fingerprint(_ data: Data) -> Int {
        var hasher = Hasher()
        hasher.combine(data)
        return hasher.finalize()
    }

    /// Returns the output folders in which something changed, and how many files were written.
    func write(_ outputs: [(name: String, files: [OutputFile])]) throws -> (changed: Set<String>, written: Int) {
        let fileManager = FileManager.default
        var now: [String: Int] = [:]
        var changed: Set<String> = []
        var created: Set<String> = []
        var count = 0
        for output in outputs {
            for file in output.files {
                let relative = output.name + "/" + file.path
                let fingerprint = Self.fingerprint(file.contents)
                now[relative] = fingerprint
                let path = root + "/" + relative
                if session.written[relative] == fingerprint, FileBytes.exists(path) { continue }
                let parent = (path as NSString).deletingLastPathComponent
                if created.insert(parent).inserted { try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true) }
                try FileBytes.replace([file.contents], at: path)
                changed.insert(output.name)
                count += 1
            }
        }
        for (relative, _) in session.written where now[relative] == nil {
            try? fileManager.removeItem(atPath: root + "/" + relative)
            if let output = outputs.first(where: { relative.hasPrefix($0.name + "/") }) { changed.insert(output.name) }
        }
        session.written = now
        return (changed, count)
    }
}
