import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to files with plain system calls.
///
/// Not `Data.write(to:)`: on Linux, Foundation flushes every file to the disk (`fsync`) before it
/// returns, and on a slow disk those flushes were most of a build's time. A build never needs one
/// file on the disk before the next: a full build replaces an output as a whole by renaming its
/// staging folder, and a rebuild under `serve` replaces each changed file by renaming a temporary
/// one, so a reader sees the old bytes or the new ones. The system writes them out in its own time.
enum FileBytes {
    /// A file that could not be written, with the path and the system's reason.
    struct Failure: LocalizedError, CustomStringConvertible {
        let path: String
        let reason: String

        init(_ path: String, errno code: Int32) {
            self.path = path
            self.reason = String(cString: strerror(code))
        }

        var description: String { "could not write \(path): \(reason)" }
        var errorDescription: String? { description }
    }

    /// Writes `pieces`, one after the other, as the file's whole contents (creating or truncating it).
    static func write(_ pieces: [RenderedBytes], to path: String) throws {
        // 0o666 less the umask, as Foundation creates files.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(path, errno: errno) }
        var failure: Int32 = 0
        for piece in pieces where failure == 0 {
            piece.withBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += written
                }
            }
        }
        // close can report a failed write too (a full disk, on some file systems).
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw Failure(path, errno: failure) }
    }

    static func write(_ data: Data, to path: String) throws {
        try write([RenderedBytes(data, fingerprinted: false)], to: path)
    }

    /// Replaces the file at `path` by renaming a complete temporary file beside it over it, so that
    /// a reader (the preview server) never sees half a file.
    static func replace(_ pieces: [RenderedBytes], at path: String) throws {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<slash]) + ".handbook-new-" + String(path[slash...])
        do {
            try write(pieces, to: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(path, errno: code)
        }
    }

    /// Whether anything exists at `path`: one `stat`, without FileManager's bridging.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }
}

/// The C library's `write`, which `FileBytes.write` hides inside the type.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
