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
}

/// Which output an edition is rendered into.
public enum OutputKind: String, Sendable, CaseIterable {
    /// `Public/handbook/`: what clients receive.
    case handbook
    /// `Public/manual/`: the staff manual.
    case manual

    public var audience: Audience { self == .handbook ? .everyone : .staff }

    public var title: String { self == .handbook ? "Client handbook" : "Staff manual" }
}
