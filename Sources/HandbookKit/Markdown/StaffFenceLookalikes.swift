/// Text that opens like a `staff` fence: three or more backticks or tildes, then `staff` (any
/// letter case, spaces between allowed), anywhere on a line. Found by bytes, not by the Markdown
/// parser, because the point is to catch what the parser did not see as a fence.
enum StaffFenceLookalikes {
    static func opensLikeStaffFence(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8)
        guard bytes.count >= 8 else { return false }
        var index = 0
        while index + 5 <= bytes.count {
            if isStaffWord(bytes, at: index) {
                // Back over spaces, then count the fence characters before the word.
                var start = index
                while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
                if start > 0, case let mark = bytes[start - 1], mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") {
                    var count = 0
                    while start - count > 0, bytes[start - count - 1] == mark { count += 1 }
                    if count >= 3 { return true }
                }
            }
            index += 1
        }
        return false
    }

    private static func isStaffWord(_ bytes: [UInt8], at start: Int) -> Bool {
        let word = "staff".utf8
        for (offset, letter) in word.enumerated() where bytes[start + offset] | 0x20 != letter { return false }
        return true
    }
}
