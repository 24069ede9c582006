import Crypto
import Foundation

/// A short fingerprint of an edition's client text: the same for the same text, different after
/// any change a client can see. Printed on the acknowledgment page, it tells exactly which text a
/// signed page in a client's file was given.
enum ClientFingerprint {
    static func of(_ items: EditionItems) -> String {
        var hash = SHA256()
        for key in items.keys.sorted() {
            let item = items[key]!
            // Separators that cannot occur in the text keep "ab"+"c" apart from "a"+"bc".
            hash.update(data: Data((key + "\u{1F}" + item.title + "\u{1F}" + item.text + "\u{1E}").utf8))
        }
        let hex = hash.finalize().prefix(6).map { String(format: "%02X", $0) }.joined()
        // Three groups of four: easy to read aloud and to compare by eye.
        return stride(from: 0, to: hex.count, by: 4).map { offset in
            String(hex.dropFirst(offset).prefix(4))
        }.joined(separator: "-")
    }
}
