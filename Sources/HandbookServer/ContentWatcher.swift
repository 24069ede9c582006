import Foundation
import HandbookKit

/// Notices changes under the program's folders by comparing file names, sizes and modification
/// times. Polling works the same on every system and on network drives, and a few hundred files
/// cost well under a millisecond to look at.
struct ContentWatcher: Sendable {
    let folders: [String]
    /// Not watched: the output folder, which may be inside the program folder and changes with
    /// every build (watching it would rebuild for ever).
    var ignoring: String?

    /// A summary of the folders that changes when any file in them is added, removed or edited.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        let fileManager = FileManager.default
        let ignored = ignoring.map(OutputSafety.canonical)
        for folder in folders {
            guard let enumerator = fileManager.enumerator(atPath: folder) else { continue }
            let base = OutputSafety.canonical(folder)
            while let path = enumerator.nextObject() as? String {
                if let ignored, base + "/" + path == ignored {
                    enumerator.skipDescendants()
                    continue
                }
                let full = folder + "/" + path
                guard let attributes = try? fileManager.attributesOfItem(atPath: full),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[full] = "\(attributes[.size] ?? 0)-\(modified)"
            }
        }
        return result
    }
}
