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
    /// `finishing` runs on each output's staged folder before it is swapped in (search index, PDF),
    /// so that what those steps write is part of the same all-or-nothing replacement.
    public func replace(_ outputs: [(name: String, files: [OutputFile])], keepingFrom: [String: String] = [:],
                        finishing: (_ name: String, _ folder: String) throws -> Void = { _, _ in }) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: root, withIntermediateDirectories: true)
        try OutputSafety.markOutput(root)
        removeStaleStaging()
        let staging = root + "/" + Self.stagingPrefix + UUID().uuidString
        try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(atPath: staging) }

        var created: Set<String> = []
        for output in outputs {
            let folder = staging + "/" + output.name
            for file in output.files {
                let path = folder + "/" + file.path
                let parent = (path as NSString).deletingLastPathComponent
                if created.insert(parent).inserted {
                    try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
                }
                try FileBytes.write(file.contents, to: path)
                try afterEachFile(path)
            }
        }
        for output in outputs {
            guard let subfolder = keepingFrom[output.name] else { continue }
            let old = root + "/" + output.name + "/" + subfolder
            let new = staging + "/" + output.name + "/" + subfolder
            for entry in ((try? fileManager.contentsOfDirectory(atPath: old)) ?? []).sorted()
            where !fileManager.fileExists(atPath: new + "/" + entry) {
                try fileManager.createDirectory(atPath: new, withIntermediateDirectories: true)
                try fileManager.copyItem(atPath: old + "/" + entry, toPath: new + "/" + entry)
            }
        }
        for output in outputs { try finishing(output.name, staging + "/" + output.name) }
        // Everything is written: swap each output in. A rename within one file system is atomic.
        for output in outputs {
            let target = root + "/" + output.name
            let retired = staging + "/" + output.name.replacingOccurrences(of: "/", with: "_") + ".previous"
            let targetParent = (target as NSString).deletingLastPathComponent
            try fileManager.createDirectory(atPath: targetParent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: target) { try fileManager.moveItem(atPath: target, toPath: retired) }
            try fileManager.moveItem(atPath: staging + "/" + output.name, toPath: target)
        }
    }

    /// A build killed midway leaves its staging folder; the next one clears it.
    private func removeStaleStaging() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names where name.hasPrefix(Self.stagingPrefix) {
            try? FileManager.default.removeItem(atPath: root + "/" + name)
        }
    }
}
