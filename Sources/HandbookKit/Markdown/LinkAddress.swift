/// Writes a link's address into an `href` or `src` attribute exactly as libcmark-gfm's HTML
/// renderer does (`houdini_escape_href` and `_scan_dangerous_url`), so that an address filled into
/// HTML rendered earlier gives the bytes cmark would have written. `MarkdownTests` compares the two
/// for every byte value.
enum LinkAddress {
    /// The attribute text for `url`. Without `unsafe` (raw HTML not allowed), an address cmark
    /// considers dangerous (`javascript:`, `vbscript:`, `file:`, `data:` other than images) is
    /// written empty.
    static func attribute(_ url: String, unsafe: Bool) -> String {
        if !unsafe && isDangerous(url) { return "" }
        if url.utf8.allSatisfy({ safe[Int($0)] }) { return url }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if safe[Int(byte)] {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                bytes.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                bytes.append(contentsOf: "&#x27;".utf8)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// cmark's scanner: these schemes, in any letter case, except `data:` pictures.
    static func isDangerous(_ url: String) -> Bool {
        var prefix: [UInt8] = []
        prefix.reserveCapacity(16)
        for byte in url.utf8.prefix(16) {
            prefix.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        func starts(_ text: String) -> Bool { prefix.starts(with: text.utf8) }
        if starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") || starts("data:image/webp") {
            return false
        }
        return starts("javascript:") || starts("vbscript:") || starts("file:") || starts("data:")
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Bytes written as they are: letters, digits and `-_.+!*(),%#@?=;:/$~`. `&` and `'` become
    /// entities; every other byte is written as `%XX`.
    private static let safe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in "-_.+!*(),%#@?=;:/$~".utf8 { table[Int(byte)] = true }
        return table
    }()
}
