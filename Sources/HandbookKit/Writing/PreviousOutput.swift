import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output a build replaces, from which a file the new build would write with the same bytes
/// is taken over by a hard link instead of being written again.
///
/// Why: on a rebuild most pages do not change. Creating a file costs the file system far more than
/// linking one, most of all right after many files were deleted (which every build does when it
/// removes the output it replaced; see docs/benchmark.md). An unchanged page also keeps its file,
/// and so its modification time: a publishing `rsync` or a browser's cache sees only what changed.
///
/// A file is taken over only when nothing else could notice: a regular file (not a link), reached
/// through real folders from the output's root, linked nowhere else, owned by this user with the
/// mode a new file would get, holding exactly the new bytes. The new link is then checked to be
/// that same file. Otherwise, or if linking fails, the file is written as usual. The old file is
/// never changed, so a build that fails or is killed leaves the old output as it was.
final class PreviousOutput: @unchecked Sendable {
    /// The folder holding the outputs (`Public`).
    let root: String
    private let lock = NSLock()
    /// Folders inside `root`, by path, and whether they and every folder above them (up to `root`)
    /// are real folders, not symbolic links.
    private var realFolders: [String: Bool] = [:]

    init(root: String) {
        self.root = root
    }

    /// Links `root/relativePath` to `target` if it holds exactly `pieces` (see the type). Returns
    /// whether it did; if not, nothing was created at `target`.
    func reuse(_ relativePath: String, holding pieces: [RenderedBytes], as target: String) -> Bool {
        guard let mode = Self.newFileMode else { return false }
        let slash = relativePath.lastIndex(of: "/")
        guard slash.map({ isReal(folder: String(relativePath[..<$0])) }) ?? true else { return false }
        let old = root + "/" + relativePath
        let descriptor = open(old, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1,
              status.st_uid == geteuid(), status.st_mode & 0o7777 == mode,
              Int(status.st_size) == pieces.reduce(0, { $0 + $1.count }),
              Self.holds(descriptor, pieces) else { return false }
        guard link(old, target) == 0 else { return false }
        // The path could have been given another file after it was read: keep the link only if
        // it is the file that was compared.
        var linked = stat()
        guard lstat(target, &linked) == 0, linked.st_ino == status.st_ino, linked.st_dev == status.st_dev else {
            unlink(target)
            return false
        }
        return true
    }

    /// Whether `folder` (a path inside `root`) and each folder above it are real folders: a
    /// symbolic link could lead to a file outside the output, which must not be linked into it.
    private func isReal(folder: String) -> Bool {
        lock.withLock { isRealLocked(folder) }
    }

    /// `isReal(folder:)` with the lock already held.
    private func isRealLocked(_ folder: String) -> Bool {
        if let known = realFolders[folder] { return known }
        let slash = folder.lastIndex(of: "/")
        let parentIsReal = slash.map { isRealLocked(String(folder[..<$0])) } ?? true
        var status = stat()
        let real = parentIsReal && lstat(root + "/" + folder, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        realFolders[folder] = real
        return real
    }

    /// Whether the open file holds `pieces` one after the other (its size is known to be theirs).
    /// Read in slices into a buffer on the stack: no allocation per file.
    private static func holds(_ descriptor: Int32, _ pieces: [RenderedBytes]) -> Bool {
        withUnsafeTemporaryAllocation(byteCount: 16_384, alignment: 1) { buffer in
            pieces.allSatisfy { piece in
                piece.withBytes { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let wanted = min(buffer.count, bytes.count - offset)
                        guard readFully(descriptor, into: buffer.baseAddress!, count: wanted),
                              memcmp(buffer.baseAddress!, bytes.baseAddress! + offset, wanted) == 0 else { return false }
                        offset += wanted
                    }
                    return true
                }
            }
        }
    }

    /// Reads exactly `count` bytes; false at the end of the file or on an error.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Bool {
        var filled = 0
        while filled < count {
            let got = read(descriptor, buffer + filled, count - filled)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            filled += got
        }
        return true
    }

    /// The permission bits a file this process creates gets (0o666 less the umask), or nil where
    /// the umask cannot be read without changing it (then nothing is linked).
    ///
    /// Read from `/proc/self/status` (Linux 4.7 and later): `umask()` itself sets the mask, and
    /// setting it, even back, could give a file written meanwhile on another thread the wrong mode.
    static let newFileMode: mode_t? = {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) else { return nil }
        return 0o666 & ~mask
    }()
}
