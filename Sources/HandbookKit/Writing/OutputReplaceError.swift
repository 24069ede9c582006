/// Putting the new outputs in place failed, or cleaning up after it did: says exactly which
/// output folders are new and which are as they were, so the message never claims more.
public struct OutputReplaceError: Error, CustomStringConvertible {
    /// The output folder (`Public`).
    public var root: String
    /// The output that could not be put in place; nil when the failure was a clean-up.
    public var failed: String?
    public var reason: String
    /// Outputs that now hold the new build.
    public var replaced: [String]
    /// Outputs that still hold what they held before the build.
    public var unchanged: [String]
    /// A temporary folder that could not be removed.
    public var leftover: String?
    /// The other output folder of a build that writes the manual apart (`--staff-output`),
    /// whose new outputs were put back when this folder's could not be put in place.
    public var elsewhere: [Elsewhere] = []

    public struct Elsewhere: Sendable {
        public var root: String
        /// Outputs there that are new and could not be put back.
        public var replaced: [String]
        public var unchanged: [String]
    }

    public var description: String {
        let shownRoot = root.hasSuffix("/") ? String(root.dropLast()) : root
        func list(_ names: [String]) -> String {
            // A folder is shown with its slash; a single file (`schedule/index.html`) without.
            let folders = names.map { $0.hasSuffix(".html") ? $0 : $0 + "/" }
            return folders.count <= 1 ? folders.joined() : folders.dropLast().joined(separator: ", ") + " and " + folders.last!
        }
        if let failed {
            var text = "\(shownRoot)/\(failed): error: could not put the new \(failed)\(failed.hasSuffix(".html") ? "" : "/") in place (\(reason))."
            if replaced.isEmpty {
                text += " Nothing in \(shownRoot)/ was changed."
            } else {
                text += " \(list(replaced)) \(replaced.count == 1 ? "is" : "are") new and could not be put back;"
                text += unchanged.isEmpty ? "" : " \(list(unchanged)) \(unchanged.count == 1 ? "is" : "are") as before."
            }
            for other in elsewhere {
                let otherRoot = other.root.hasSuffix("/") ? String(other.root.dropLast()) : other.root
                text += other.replaced.isEmpty ? " Nothing in \(otherRoot)/ was changed either."
                    : " In \(otherRoot)/, \(list(other.replaced)) \(other.replaced.count == 1 ? "is" : "are") new and could not be put back."
            }
            return text + " Check that the folder can be written (permissions, a read-only or immutable folder), then build again."
        }
        let leftoverName = leftover.map { $0.hasPrefix(shownRoot + "/") ? String($0.dropFirst(shownRoot.count + 1)) : $0 } ?? ""
        if replaced.isEmpty {
            return "\(shownRoot)/\(leftoverName): error: a temporary folder left by an earlier build could not be removed (\(reason)). Nothing in \(shownRoot)/ was changed. It may hold old outputs, the staff manual among them: remove it by hand, or fix the folder's permissions, then build again."
        }
        return "\(shownRoot)/\(leftoverName): error: \(list(replaced)) \(replaced.count == 1 ? "is" : "are") new, but the temporary folder that holds the old \(replaced.count == 1 ? "one" : "ones") could not be removed (\(reason)). Remove it by hand: it may hold the old staff manual."
    }
}
