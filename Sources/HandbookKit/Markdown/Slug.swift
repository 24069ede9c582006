import Foundation

/// Turns a heading or title into an address fragment: "Calling in!" → "calling-in".
public enum Slug {
    public static func make(_ text: String) -> String {
        // Every heading of every page gets a slug: plain ASCII, by far the most common, is done by
        // bytes, with the result the Foundation path gives (FastPathTests compare them).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeFromASCII(text) }
        // Fold accents so Spanish headings give readable ids: "¿Qué pasa?" → "que-pasa".
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "/" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// For ASCII: folding only lowercases, and the alphanumerics are letters and digits.
    private static func makeFromASCII(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingDash && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingDash = false
                slug.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"):
                pendingDash = true
            default:
                break
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }
}
