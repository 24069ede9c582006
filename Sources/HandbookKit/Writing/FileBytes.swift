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
        try finish(descriptor, writing: pieces, from: 0, path: path)
    }

    /// Writes `pieces` over an existing file from byte `offset` on, and cuts the file to `length`:
    /// the bytes before `offset` are left as they are.
    static func overwrite(_ pieces: ArraySlice<RenderedBytes>, at path: String, from offset: Int, length: Int) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path, errno: errno) }
        try finish(descriptor, writing: pieces, from: offset, length: length, path: path)
    }

    /// Writes the pieces from `offset`, cuts the file to `length` if given, and closes it.
    private static func finish(_ descriptor: Int32, writing pieces: some Collection<RenderedBytes>, from offset: Int,
                               length: Int? = nil, path: String) throws {
        var failure: Int32 = 0
        var position = offset
        for piece in pieces where failure == 0 {
            piece.withBytes { bytes in
                var done = 0
                while done < bytes.count {
                    let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(position))
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    done += written
                    position += written
                }
            }
        }
        if failure == 0, let length, ftruncate(descriptor, off_t(length)) != 0 { failure = errno }
        // close can report a failed write too (a full disk, on some file systems).
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw Failure(path, errno: failure) }
    }

    static func write(_ data: Data, to path: String) throws {
        try write([RenderedBytes(data)], to: path)
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

    /// Whether there is an entry named `path`, even a link that points nowhere (`lstat`).
    static func entryExists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// The size of the file at `path`, or nil when there is none.
    static func size(_ path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }
}
