import Foundation

/// Under `serve`, after the first build: writes only the files whose bytes changed, and removes
/// the files the previous build wrote that this one does not. Errors are found before anything is
/// written, so a failed build still changes nothing.
///
/// A changed file replaces the old one through a temporary file and a rename, so the preview
/// never serves half a page; except the print page, which is rewritten in place from its first
/// changed chapter on. It is every chapter in one file, megabytes long, and making it anew on each
/// edit was most of a rebuild's time (a new file's pages must be found, zeroed and flushed; the
/// old one's freed). While it is written, for a millisecond or two, it holds a mix of the old and
/// the new; the open pages reload once the build is done.
///
/// Files arrive as they are rendered, from several threads; `finish` ends the build.
final class IncrementalWriter: OutputSink, @unchecked Sendable {
    let root: String
    /// What the previous build wrote, per output file.
    let previous: [String: FileLayout]
    private let lock = NSLock()
    /// What this build produced, by path relative to `root`.
    private var now: [String: FileLayout] = [:]
    private var changed: Set<String> = []
    /// The files written or removed, by path relative to `root`.
    private var changedFiles: Set<String> = []
    private var created: Set<String> = []
    private var count = 0

    init(root: String, previous: [String: FileLayout]) {
        self.root = root
        self.previous = previous
    }

    func write(_ file: RenderedFile, in output: String) throws {
        let relative = output + "/" + file.path
        let layout = file.layout
        let path = root + "/" + relative
        let previous = self.previous[relative]
        lock.withLock { now[relative] = layout }
        if previous == layout, FileBytes.exists(path) { return }
        defer {
            lock.withLock {
                changed.insert(output)
                changedFiles.insert(relative)
                count += 1
            }
        }
        if let previous, file.pieces.count > 1, case let same = previous.piecesInCommon(with: layout), same > 0,
           FileBytes.size(path) == previous.count {
            let offset = previous.pieces.prefix(same).reduce(0) { $0 + $1.count }
            try FileBytes.overwrite(file.pieces[same...], at: path, from: offset, length: layout.count)
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        try lock.withLock {
            if created.insert(parent).inserted { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        }
        try FileBytes.replace(file.pieces, at: path)
    }

    /// Removes what the previous build wrote and this one did not. Returns the output folders in
    /// which something changed, how many files were written, and what this build wrote, for the
    /// next one to compare with.
    func finish(outputs: [String]) -> (changed: Set<String>, written: Int, layouts: [String: FileLayout]) {
        lock.withLock {
            for relative in previous.keys where now[relative] == nil {
                try? FileManager.default.removeItem(atPath: root + "/" + relative)
                changedFiles.insert(relative)
                if let output = outputs.first(where: { relative.hasPrefix($0 + "/") }) { changed.insert(output) }
            }
            return (changed, count, now)
        }
    }

    /// The files of `output` written or removed so far, by path inside it.
    func changedFiles(in output: String) -> Set<String> {
        lock.withLock { Set(changedFiles.compactMap { $0.hasPrefix(output + "/") ? String($0.dropFirst(output.count + 1)) : nil }) }
    }
}
