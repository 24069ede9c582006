import Foundation

/// Under `serve`, after the first build: writes only the files whose bytes changed, each through
/// a temporary file and a rename, and removes the files the previous build wrote that this one
/// does not. Errors are found before anything is written, so a failed build still changes nothing.
///
/// Files arrive as they are rendered, from several threads; `finish` ends the build.
final class IncrementalWriter: OutputSink, @unchecked Sendable {
    let root: String
    let session: BuildSession
    private let lock = NSLock()
    /// What this build produced: fingerprints by path relative to `root`.
    private var now: [String: Int] = [:]
    private var changed: Set<String> = []
    private var created: Set<String> = []
    private var count = 0

    init(root: String, session: BuildSession) {
        self.root = root
        self.session = session
    }

    func write(_ file: RenderedFile, in output: String) throws {
        let relative = output + "/" + file.path
        let fingerprint = file.fingerprint
        let path = root + "/" + relative
        // `session.written` changes only in `finish`, after every file has arrived.
        let unchanged = session.written[relative] == fingerprint
        lock.withLock { now[relative] = fingerprint }
        if unchanged, FileBytes.exists(path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        try lock.withLock {
            if created.insert(parent).inserted { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        }
        try FileBytes.replace(file.pieces, at: path)
        lock.withLock {
            changed.insert(output)
            count += 1
        }
    }

    /// Removes what the previous build wrote and this one did not. Returns the output folders in
    /// which something changed, and how many files were written.
    func finish(outputs: [String]) -> (changed: Set<String>, written: Int) {
        lock.withLock {
            for relative in session.written.keys where now[relative] == nil {
                try? FileManager.default.removeItem(atPath: root + "/" + relative)
                if let output = outputs.first(where: { relative.hasPrefix($0 + "/") }) { changed.insert(output) }
            }
            session.written = now
            return (changed, count)
        }
    }
}
