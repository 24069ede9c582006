import Foundation

/// A document's HTML, rendered by cmark once, with holes where one rendering differs from another:
/// each heading's opening tag (its level and id) and each link's address.
///
/// A chapter's text is shown up to four times (its page and the print page, in the handbook and
/// the manual), each time with other ids and addresses. Filling holes in text rendered once costs
/// far less than rendering the tree each time, and the tree need not be kept at all.
struct HTMLWithHoles: Sendable {
    enum Hole: Sendable, Equatable {
        case heading(Int)
        case link(Int)
    }

    /// The text before each hole, and after the last one: one more than `holes`.
    private(set) var literals: [String] = []
    private(set) var holes: [Hole] = []
    /// Bytes of the HTML as cmark wrote it, markers included: about the size of a filled copy.
    private var renderedBytes = 0

    /// Marks where a hole is in cmark's output: `~hbk<random>`, then `H` or `L`, the index and `_`.
    /// Only characters cmark writes unchanged into an `href`; `~`, rare in HTML, is what `read`
    /// looks for. The random part is new in each run, so no text can hold a marker by chance or
    /// on purpose; and if one ever did, `read` would find a hole twice and the document would be
    /// rendered from its tree.
    static let marker: String = "~hbk" + String(UInt64.random(in: 1...UInt64.max), radix: 36)

    static func token(_ hole: Hole) -> String {
        switch hole {
        case let .heading(index): return "\(marker)H\(index)_"
        case let .link(index): return "\(marker)L\(index)_"
        }
    }

    /// Splits rendered HTML at the hole markers; nil if a marker is malformed.
    static func read(_ html: String) -> HTMLWithHoles? {
        var result = HTMLWithHoles()
        let marker = Array(Self.marker.utf8)
        var html = html
        let parsed: Bool = html.withUTF8 { bytes in
            var literalStart = 0
            var index = 0
            let end = bytes.count
            while index + marker.count <= end {
                // Each marker starts with "~": find the next one, then compare the rest.
                guard let found = memchr(bytes.baseAddress! + index, Int32(marker[0]), end - index) else { break }
                index = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard index + marker.count <= end else { break }
                var matches = true
                for offset in 1..<marker.count where bytes[index + offset] != marker[offset] {
                    matches = false
                    break
                }
                guard matches else { index += 1; continue }
                var cursor = index + marker.count
                guard cursor < end, bytes[cursor] == UInt8(ascii: "H") || bytes[cursor] == UInt8(ascii: "L") else { return false }
                let isHeading = bytes[cursor] == UInt8(ascii: "H")
                cursor += 1
                var number = 0, digits = 0
                while cursor < end, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9"), digits < 9 {
                    number = number * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                    cursor += 1
                    digits += 1
                }
                guard digits > 0, cursor < end, bytes[cursor] == UInt8(ascii: "_") else { return false }
                result.literals.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<index]), as: UTF8.self))
                result.holes.append(isHeading ? .heading(number) : .link(number))
                index = cursor + 1
                literalStart = index
            }
            result.literals.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<end]), as: UTF8.self))
            result.renderedBytes = end
            return true
        }
        return parsed ? result : nil
    }

    /// The HTML with each hole filled.
    func filled(heading: (Int) -> String, link: (Int) -> String) -> String {
        var result = ""
        result.reserveCapacity(renderedBytes + holes.count * 16)
        for (index, hole) in holes.enumerated() {
            result += literals[index]
            switch hole {
            case let .heading(number): result += heading(number)
            case let .link(number): result += link(number)
            }
        }
        result += literals[holes.count]
        return result
    }
}
