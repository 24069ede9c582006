import Foundation

/// Which output folder each output goes into: everything into one, or, when the manual is
/// published apart from the client site, `manual/` (and the compliance report) into the staff
/// folder and the rest into the client folder.
extension Handbook.Options {
    /// Whether the manual goes into a folder of its own (`--staff-output`).
    var hasStaffFolder: Bool { staffOutputDirectory != nil }

    /// The folder that holds `manual/`.
    var manualRoot: String { staffOutputDirectory ?? outputDirectory }

    /// Every folder the build writes into, the client (or only) folder first.
    var outputRoots: [String] { [outputDirectory] + (staffOutputDirectory.map { [$0] } ?? []) }

    /// The folder an output, named by its path inside an output folder (`manual`,
    /// `manual/schedule/2026-W02`, `schedule/index.html`), goes into.
    func root(of output: String) -> String {
        Self.isManual(output) ? manualRoot : outputDirectory
    }

    /// Whether a path inside an output folder belongs to the manual.
    static func isManual(_ output: String) -> Bool {
        output == OutputKind.manual.rawValue || output.hasPrefix(OutputKind.manual.rawValue + "/")
    }
}

/// The staging folders of one build: one inside each output folder it writes, since a folder can
/// be swapped in only by a rename on its own file system. Files are routed to the folder of their
/// output; `commit` finishes every output (search index, PDFs) before it swaps any in, and if the
/// second folder's swap fails, it swaps the first one's back, so that both folders stay as they
/// were.
final class StagingFolders: OutputSink, @unchecked Sendable {
    /// The client (or only) folder's staging folder, then the staff folder's.
    let folders: [StagingFolder]
    /// Whether the manual's outputs go into the second folder.
    private let manualApart: Bool

    /// Stages into every output folder of `options`; `writer` (a test's, with its hook) stands
    /// for the client folder, and its hook is used in the staff folder too.
    convenience init(_ options: Handbook.Options, writer: OutputWriter?, keepingLayouts: Bool = false) throws {
        let writers = options.outputRoots.enumerated().map { index, root -> OutputWriter in
            var rootWriter = index == 0 ? writer ?? OutputWriter(root: root) : OutputWriter(root: root)
            if let writer { rootWriter.afterEachFile = writer.afterEachFile }
            return rootWriter
        }
        try self.init(writers, keepingLayouts: keepingLayouts)
    }

    /// Stages into each writer's folder: one, or two when the second is the manual's.
    init(_ writers: [OutputWriter], keepingLayouts: Bool) throws {
        var folders: [StagingFolder] = []
        do {
            for writer in writers { folders.append(try writer.stage(keepingLayouts: keepingLayouts)) }
        } catch {
            folders.forEach { $0.discard() }
            throw error
        }
        self.folders = folders
        manualApart = writers.count > 1
    }

    private func folder(of output: String) -> StagingFolder {
        manualApart && Handbook.Options.isManual(output) ? folders[1] : folders[0]
    }

    /// Replaces each output (`name`, by its path inside an output folder) by the given files,
    /// then each of `alone`, single files by path, on its own: see `OutputWriter.replace`.
    func replace(_ outputs: [(name: String, files: [OutputFile])], alone: [OutputFile], keepingFrom: [String: String],
                 finishing: (_ name: String, _ folder: String) throws -> Void) throws {
        defer { discard() }
        for output in outputs {
            for file in output.files { try write(RenderedFile(file), in: output.name) }
        }
        for file in alone {
            let path = file.path as NSString
            try write(RenderedFile(OutputFile(path: path.lastPathComponent, contents: file.contents)), in: path.deletingLastPathComponent)
        }
        let names = outputs.map(\.name) + alone.map(\.path)
        try commit(names, keepingFrom: keepingFrom, finishing: finishing)
        try removeAfterCommit(names)
    }

    func write(_ file: RenderedFile, in output: String) throws {
        try folder(of: output).write(file, in: output)
    }

    /// The files of `output` written anew so far: see `StagingFolder.filesWrittenAnew`.
    func filesWrittenAnew(in output: String) -> Set<String> {
        folder(of: output).filesWrittenAnew(in: output)
    }

    /// Where `output` is being written, before it is swapped in.
    func stagedPath(of output: String) -> String {
        folder(of: output).path + "/" + output
    }

    /// The layouts of what was written, by path inside its output folder.
    var layouts: [String: FileLayout] {
        folders.reduce(into: [:]) { all, folder in all.merge(folder.layouts) { $1 } }
    }

    /// Each folder's share of `names`, in the order of `folders`.
    private func split(_ names: [String]) -> [(StagingFolder, [String])] {
        folders.map { folder in (folder, names.filter { self.folder(of: $0) === folder }) }
    }

    /// Finishes every output, then swaps each folder's outputs in (see `StagingFolder.commit`).
    func commit(_ names: [String], keepingFrom: [String: String],
                finishing: (_ name: String, _ folder: String) throws -> Void) throws {
        let shares = split(names)
        for (folder, names) in shares { try folder.prepare(names, keepingFrom: keepingFrom, finishing: finishing) }
        var swapped: [(StagingFolder, [String])] = []
        for (folder, names) in shares {
            do {
                try folder.swapIn(names)
                swapped.append((folder, names))
            } catch var error as OutputReplaceError {
                // The other folder's outputs are new already: put them back, so a failure
                // leaves both folders as they were, or says exactly what is new.
                for (earlier, its) in swapped.reversed() {
                    let stillNew = earlier.swapBack(its)
                    error.elsewhere.append(OutputReplaceError.Elsewhere(root: earlier.writer.root, replaced: stillNew,
                                                                        unchanged: its.filter { !stillNew.contains($0) }))
                }
                throw error
            }
        }
    }

    /// Removes each staging folder, which after `commit` holds the old outputs.
    func removeAfterCommit(_ names: [String]) throws {
        for (folder, names) in split(names) { try folder.removeAfterCommit(names) }
    }

    func discard() {
        folders.forEach { $0.discard() }
    }
}
