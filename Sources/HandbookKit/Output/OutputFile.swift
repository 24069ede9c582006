import Foundation

/// A file an output consists of, by its path inside the output folder.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// The same file inside `folder` ("es/"), which ends in a slash or is empty.
    func moved(into folder: String) -> OutputFile {
        folder.isEmpty ? self : OutputFile(path: folder + path, contents: contents)
    }
}

/// Which output an edition is rendered into.
public enum OutputKind: String, Sendable, CaseIterable {
    /// `Public/handbook/`: what clients receive.
    case handbook
    /// `Public/manual/`: the staff manual.
    case manual

    public var audience: Audience { self == .handbook ? .everyone : .staff }

    /// Interface strings of the output's title and of its short name ("the whole handbook").
    var titleKey: String { self == .handbook ? "handbook_title" : "manual_title" }
    var nounKey: String { self == .handbook ? "handbook_noun" : "manual_noun" }
}
