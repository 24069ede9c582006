import Foundation

/// Writes finished outputs into the output folder so that a failure never leaves a half-written
/// or missing output: each output is written in full to a staging folder beside it, then swapped
/// into place by renaming. Files in the output folder that the tool does not own are left alone.
public struct OutputWriter {
    public let root: String
    /// Called after each file is written; tests use it to inject a failure midway.
    var afterEachFile: (String) throws -> Void = { _ in }

    public init(root: String) {
        self.root = root
    }

    static let stagingPrefix = ".handbook-staging-"

    /// Replaces `root/<name>` by the given files, for each output. `keepingFrom` names, per
    /// output, a subfolder whose entries the new output does not write are carried over from the
    /// old one (the manual keeps the weekly schedules of other weeks).
    /// `alone` are single files, by path inside `root`, each replaced on its own after the outputs
    /// (the stable address of this week's schedule, in folders that also hold other weeks).
    /// `finishing` runs on each output's staged folder before it is swapped in (search index, PDF),
    /// so that what those steps write is part of the same all-or-nothing replacement.
    public func replace(_ outputs: [(name: String, files: [OutputFile])], alone: [OutputFile] = [], keepingFrom: [String: String] = [:],
                        finishing: (_ name: String, _ folder: String) throws -> Void = { _, _ in }) throws {
        try StagingFolders([self], keepingLayouts: false).replace(outputs, alone: alone, keepingFrom: keepingFrom, finishing: finishing)
    }

    /// A new staging folder, into which a build writes its files as it renders them, before
    /// `commit` swaps them in. Discard it when done, whatever happened.
    func stage(keepingLayouts: Bool = false) throws -> StagingFolder {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try OutputSafety.markOutput(root)
        try removeStaleStaging()
        let staging = root + "/" + Self.stagingPrefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        return StagingFolder(writer: self, path: staging, keepsLayouts: keepingLayouts)
    }

    /// A build killed midway leaves its staging folder; the next one clears it, or stops before
    /// changing anything, since a staging folder holds old outputs (the staff manual among them).
    private func removeStaleStaging() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names.sorted() where name.hasPrefix(Self.stagingPrefix) {
            do {
                try FileManager.default.removeItem(atPath: root + "/" + name)
            } catch {
                throw OutputReplaceError(root: root, failed: nil, reason: "\(error)", replaced: [], unchanged: [],
                                         leftover: root + "/" + name)
            }
        }
    }
}

/// The folder beside the outputs where a build writes them before they replace the old ones.
/// Files may be written from several threads at once.
final class StagingFolder: OutputSink, @unchecked Sendable {
    let writer: OutputWriter
    let path: String
    /// Whether to keep each file's layout (the first build under `serve`), for the next build
    /// to compare with.
    let keepsLayouts: Bool
    /// The output this one replaces, whose unchanged files are linked instead of written again.
    private let previous: PreviousOutput
    private let lock = NSLock()
    private var created: Set<String> = []
    /// Layouts of what was written, by path relative to the output folder.
    private(set) var layouts: [String: FileLayout] = [:]
    /// The files written anew (not the old output's, unchanged), by output, then by path inside it.
    private var writtenAnew: [String: Set<String>] = [:]

    init(writer: OutputWriter, path: String, keepsLayouts: Bool) {
        self.writer = writer
        self.path = path
        self.keepsLayouts = keepsLayouts
        previous = PreviousOutput(root: writer.root)
    }

    func write(_ file: RenderedFile, in output: String) throws {
        let target = path + "/" + output + "/" + file.path
        let parent = (target as NSString).deletingLastPathComponent
        try lock.withLock {
            if created.insert(parent).inserted {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
        }
        let reused = previous.reuse(output + "/" + file.path, holding: file.pieces, as: target)
        if !reused { try FileBytes.write(file.pieces, to: target) }
        let layout = keepsLayouts ? file.layout : nil
        // Under the lock: the hook is a test's, which need not be thread-safe.
        try lock.withLock {
            if !reused { writtenAnew[output, default: []].insert(file.path) }
            if let layout { layouts[output + "/" + file.path] = layout }
            try writer.afterEachFile(target)
        }
    }

    /// The files of `output` written anew so far, by path inside it: the others are the old
    /// output's files, unchanged.
    func filesWrittenAnew(in output: String) -> Set<String> {
        lock.withLock { writtenAnew[output] ?? [] }
    }

    /// What comes before the swap: carrying over kept subfolders, then `finishing` each output.
    /// Apart from `swapIn`, so that a build writing two output folders finishes both before it
    /// swaps either (`StagingFolders.commit`).
    func prepare(_ names: [String], keepingFrom: [String: String],
                 finishing: (_ name: String, _ folder: String) throws -> Void) throws {
        let fileManager = FileManager.default
        for name in names {
            guard let subfolder = keepingFrom[name] else { continue }
            let old = writer.root + "/" + name + "/" + subfolder
            let new = path + "/" + name + "/" + subfolder
            for entry in ((try? fileManager.contentsOfDirectory(atPath: old)) ?? []).sorted()
            where !fileManager.fileExists(atPath: new + "/" + entry) {
                try fileManager.createDirectory(atPath: new, withIntermediateDirectories: true)
                try fileManager.copyItem(atPath: old + "/" + entry, toPath: new + "/" + entry)
            }
        }
        for name in names { try finishing(name, path + "/" + name) }
    }

    /// Swaps the named outputs in. An output is a folder, or a single file (a page of the week's
    /// stable address).
    ///
    /// Each output goes in with one atomic exchange (`FolderSwap`), so at every instant, even if
    /// the build is killed, each output folder (or file) is wholly old or wholly new. If one cannot be put
    /// in place, those already swapped are swapped back, and the error says what is what.
    func swapIn(_ names: [String]) throws {
        let fileManager = FileManager.default
        var swapped: [(name: String, replacedOld: Bool)] = []
        for name in names {
            let target = writer.root + "/" + name, staged = path + "/" + name
            do {
                try fileManager.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
                let hadOld = FileBytes.entryExists(target)
                if hadOld { try FolderSwap.exchange(staged, target) } else { try FolderSwap.move(staged, to: target) }
                swapped.append((name, hadOld))
            } catch {
                // Put back what was already swapped, newest first, so the folder is as it was.
                var stillNew: [String] = []
                for done in swapped.reversed() {
                    let target = writer.root + "/" + done.name, staged = path + "/" + done.name
                    do {
                        if done.replacedOld { try FolderSwap.exchange(staged, target) } else { try FolderSwap.move(target, to: staged) }
                    } catch {
                        stillNew.append(done.name)
                    }
                }
                throw OutputReplaceError(root: writer.root, failed: name, reason: "\(error)",
                                         replaced: names.filter(stillNew.contains), unchanged: names.filter { !stillNew.contains($0) })
            }
        }
    }

    /// Undoes a successful `swapIn` of `names` (when another output folder's swap failed):
    /// the old outputs, which the staging folder holds after the swap, go back in place.
    /// Returns the outputs that could not be put back, and so are still new.
    func swapBack(_ names: [String]) -> [String] {
        names.reversed().filter { name in
            let target = writer.root + "/" + name, staged = path + "/" + name
            do {
                if FileBytes.entryExists(staged) { try FolderSwap.exchange(staged, target) } else { try FolderSwap.move(target, to: staged) }
                return false
            } catch {
                return true
            }
        }.reversed()
    }

    /// Removes the staging folder, which after `commit` holds the old outputs. After a successful
    /// commit a failure is an error: the outputs are new, but a folder of old ones is left behind.
    func removeAfterCommit(_ names: [String]) throws {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw OutputReplaceError(root: writer.root, failed: nil, reason: "\(error)", replaced: names, unchanged: [],
                                     leftover: path)
        }
    }

    /// Removes the staging folder of a build that failed; what is left is removed by the next build.
    func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
