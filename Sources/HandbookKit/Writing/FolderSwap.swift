import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a folder in place of another in one system call, so that anyone looking at the target
/// path (a web server, a reader, a build killed at any instant) sees the whole old folder or the
/// whole new one, never neither and never a mix.
///
/// On Linux this is `renameat2(RENAME_EXCHANGE)`, on macOS `renamex_np(RENAME_SWAP)`: the two
/// names trade places atomically, and the old folder ends up where the new one was staged.
/// Both calls swap files as well as folders: a single file put in place (a page of the week's
/// stable address) gets the same guarantee.
enum FolderSwap {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Swaps `staged` and `target`, which must both exist. Afterwards `staged` holds the old folder.
    static func exchange(_ staged: String, _ target: String) throws {
        try call(staged, target, exchange: true)
    }

    /// Moves `staged` to `target`, which must not exist (a first build).
    static func move(_ staged: String, to target: String) throws {
        try call(staged, target, exchange: false)
    }

    private static func call(_ from: String, _ to: String, exchange: Bool) throws {
        #if os(Linux)
        // glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not
        // set; the symbol itself is there (glibc 2.28 and later).
        guard let renameat2 = Self.renameat2 else { throw Failure(path: to, code: ENOSYS) }
        let flags: UInt32 = exchange ? 2 /* RENAME_EXCHANGE */ : 1 /* RENAME_NOREPLACE */
        guard renameat2(AT_FDCWD, from, AT_FDCWD, to, flags) == 0 else { throw Failure(path: to, code: errno) }
        #else
        guard renamex_np(from, to, exchange ? UInt32(RENAME_SWAP) : UInt32(RENAME_EXCL)) == 0 else {
            throw Failure(path: to, code: errno)
        }
        #endif
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: RenameAt2? = {
        // A null handle is RTLD_DEFAULT on glibc: the symbol wherever the process has it.
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif
}
