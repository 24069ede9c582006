import Foundation

/// Byte-for-byte search, for ASCII marks in long texts ("{program_length}" in every text of a
/// program): Foundation's Unicode-aware search costs far more, and compares nothing such marks
/// need.
enum ByteSearch {
    static func contains(_ text: UnsafeRawBufferPointer, _ wanted: UnsafeRawBufferPointer) -> Bool {
        guard let first = wanted.first else { return true }
        guard text.count >= wanted.count else { return false }
        var index = 0
        let last = text.count - wanted.count
        while index <= last {
            if text[index] == first {
                var matched = 1
                while matched < wanted.count, text[index + matched] == wanted[matched] { matched += 1 }
                if matched == wanted.count { return true }
            }
            index += 1
        }
        return false
    }
}

extension String {
    /// Whether the text's UTF-8 holds this byte, found with `memchr`: walking `utf8` byte by byte
    /// to ask the same of every page of a large program took 1 % of its build.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether any byte of the text's UTF-8 is one `wanted` accepts, read in place: for the
    /// escapers, whose texts mostly hold nothing to escape (asking `utf8.contains(where:)`
    /// walks String's view one byte at a time).
    func containsByte(where wanted: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { $0.contains(where: wanted) }
    }

    /// Whether `needle` occurs in this text, compared as UTF-8 bytes.
    func containsBytes(of needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { ByteSearch.contains(UnsafeRawBufferPointer(text), UnsafeRawBufferPointer($0)) }
        }
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's Unicode search in
    /// the usual case: a text that starts and ends with a visible ASCII character (every value
    /// of every data file goes through here).
    func trimmedOfWhitespaceAndNewlines() -> String {
        startsAndEndsVisibly ? self : trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `trimmingCharacters(in: .whitespaces)`, likewise.
    func trimmedOfWhitespace() -> String {
        startsAndEndsVisibly ? self : trimmingCharacters(in: .whitespaces)
    }

    private var startsAndEndsVisibly: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }
}
