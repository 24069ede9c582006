import Foundation

/// Bytes the renderer made: rendered text, or a file's data as it is (a picture, a stylesheet).
/// A writer that compares builds (under `serve`) fingerprints them; the build cache keeps pieces
/// fingerprinted, so a piece reused from the last build is not hashed again.
///
/// Text stays a `String` up to the moment it is written: its UTF-8 is written from where it lies,
/// never copied into a `Data` first.
struct RenderedBytes: Sendable {
    enum Storage: Sendable {
        case text(String)
        case data(Data)
    }

    let storage: Storage
    /// A hash of every byte, once someone asked for it (`fingerprinted()`).
    private let knownFingerprint: Int?

    init(_ text: String) {
        storage = .text(text)
        knownFingerprint = nil
    }

    init(_ data: Data) {
        storage = .data(data)
        knownFingerprint = nil
    }

    private init(_ storage: Storage, fingerprint: Int) {
        self.storage = storage
        knownFingerprint = fingerprint
    }

    /// A hash of every byte: the same for the same bytes.
    var fingerprint: Int {
        if let knownFingerprint { return knownFingerprint }
        switch storage {
        case let .text(text): return Self.hash(text)
        case let .data(data): return Self.hash(data)
        }
    }

    /// The same bytes with their fingerprint worked out, to keep.
    func fingerprinted() -> RenderedBytes {
        knownFingerprint == nil ? RenderedBytes(storage, fingerprint: fingerprint) : self
    }

    /// The text, when these bytes are rendered text.
    var text: String? {
        if case let .text(text) = storage { return text }
        return nil
    }

    var count: Int {
        switch storage {
        case let .text(text): text.utf8.count
        case let .data(data): data.count
        }
    }

    /// Calls `body` with the bytes, without copying them where they can be read in place.
    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch storage {
        case var .text(text): return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case let .data(data): return try data.withUnsafeBytes(body)
        }
    }

    /// Not `Data.hashValue`, which hashes only the first 80 bytes: pages of the same length
    /// that begin alike (they all do) would look unchanged.
    private static func hash(_ data: Data) -> Int {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(data.count)
        return hasher.finalize()
    }

    private static func hash(_ text: String) -> Int {
        var text = text
        var hasher = Hasher()
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
        return hasher.finalize()
    }
}

/// A file of an output, as the renderer hands it to the writer: its path inside the output
/// folder and its bytes, in one piece or in several written one after the other (the print page
/// is its frame and its chapters' sections, never joined into one string).
struct RenderedFile: Sendable {
    var path: String
    var pieces: [RenderedBytes]

    init(path: String, pieces: [RenderedBytes]) {
        self.path = path
        self.pieces = pieces
    }

    init(path: String, text: String) {
        self.init(path: path, pieces: [RenderedBytes(text)])
    }

    init(_ file: OutputFile) {
        self.init(path: file.path, pieces: [RenderedBytes(file.contents)])
    }

    /// The same file inside `folder` ("es/"), which ends in a slash or is empty.
    func moved(into folder: String) -> RenderedFile {
        folder.isEmpty ? self : RenderedFile(path: folder + path, pieces: pieces)
    }

    /// Identifies the bytes, piece by piece.
    var layout: FileLayout {
        FileLayout(pieces: pieces.map { FileLayout.Piece(fingerprint: $0.fingerprint, count: $0.count) })
    }

    /// The bytes joined, for callers that want a whole `OutputFile`.
    var outputFile: OutputFile {
        var data = Data(capacity: pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { piece.withBytes { data.append(contentsOf: $0) } }
        return OutputFile(path: path, contents: data)
    }
}

/// What the writer remembers of a file it wrote under `serve`: each piece's fingerprint and size.
/// The same layout means the same bytes; and of a file written in pieces (the print page), how
/// many bytes at its start a new version leaves as they are.
struct FileLayout: Equatable, Sendable {
    struct Piece: Equatable, Sendable {
        var fingerprint: Int
        var count: Int
    }

    var pieces: [Piece]

    var count: Int { pieces.reduce(0) { $0 + $1.count } }

    /// How many leading pieces `other` has the same as this layout.
    func piecesInCommon(with other: FileLayout) -> Int {
        zip(pieces, other.pieces).prefix { $0 == $1 }.count
    }
}

/// Where an output's files go as soon as each is rendered: the staging folder of a full build,
/// or, under `serve`, the writer that writes only what changed. Called from several threads.
protocol OutputSink: Sendable {
    func write(_ file: RenderedFile, in output: String) throws
}
