/// The print page around its chapters' sections: the `print` template rendered with a marker in
/// place of each section, and cut at the markers.
///
/// The print page holds every chapter, 80 MB for a program of 10,000 pages. Made by the template
/// it would be one string that large, copied again to be written. Cut into its frame, it is
/// written as frame and sections in turn, sections being the very strings already rendered (and,
/// under `serve`, kept from the last build).
///
/// The markers hold `<`, letters of both cases and NUL bytes, so that a template that escapes the
/// section (`{{printSection}}`), changes it with a transform or writes it twice does not give each
/// marker exactly once: `cut` then returns nil and the page is rendered whole, as the template says.
struct PrintPageFrame {
    /// The text before the first section, between two sections, and after the last.
    let parts: [String]

    static func marker(_ index: Int) -> String { "\u{0}<pRiNt-SeCtIoN \(index)>\u{0}" }

    private static let markerStart = Array("\u{0}<pRiNt-SeCtIoN ".utf8)
    private static let markerEnd = Array(">\u{0}".utf8)

    /// Cuts `html` at the markers of `count` sections; nil unless each is there exactly once, in order.
    static func cut(_ html: String, sections count: Int) -> PrintPageFrame? {
        var html = html
        return html.withUTF8 { bytes -> PrintPageFrame? in
            var parts: [String] = []
            parts.reserveCapacity(count + 1)
            var partStart = 0
            var index = 0
            while let nul = bytes[index...].firstIndex(of: 0) {
                index = nul + 1
                guard bytes.count - nul >= markerStart.count, bytes[nul..<nul + markerStart.count].elementsEqual(markerStart)
                else { continue }
                var cursor = nul + markerStart.count
                var number = 0, digits = 0
                while cursor < bytes.count, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9"), digits < 9 {
                    number = number * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                    cursor += 1
                    digits += 1
                }
                guard digits > 0, number == parts.count, bytes.count - cursor >= markerEnd.count,
                      bytes[cursor..<cursor + markerEnd.count].elementsEqual(markerEnd) else { return nil }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[partStart..<nul]), as: UTF8.self))
                index = cursor + markerEnd.count
                partStart = index
            }
            guard parts.count == count else { return nil }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[partStart...]), as: UTF8.self))
            return PrintPageFrame(parts: parts)
        }
    }

    /// The page's pieces: the frame's parts with the sections between them.
    func pieces(with sections: [RenderedBytes]) -> [RenderedBytes] {
        var pieces: [RenderedBytes] = []
        pieces.reserveCapacity(parts.count + sections.count)
        for (index, part) in parts.enumerated() {
            if !part.isEmpty { pieces.append(RenderedBytes(part)) }
            if index < sections.count { pieces.append(sections[index]) }
        }
        return pieces
    }
}
