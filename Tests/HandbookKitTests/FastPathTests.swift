import XCTest
@testable import HandbookKit

/// Checks that run on every build look at bytes; they must answer as the plain versions do.
final class FastPathTests: XCTestCase {
    func testTheStaffWordIsFoundWhereverItFallsInTheText() {
        func naive(_ text: String) -> Bool { text.lowercased().contains("staff") }
        for word in ["staff", "STAFF", "sTaFf", "staf", "stafF", "sstaff", "stafff", "s taff", "taff", "ffsta"] {
            for before in 0..<20 {
                for after in 0..<10 {
                    let text = String(repeating: "x", count: before) + word + String(repeating: "f", count: after)
                    XCTAssertEqual(StaffBlocks.containsStaffWord(text), naive(text), text)
                }
            }
        }
        XCTAssertFalse(StaffBlocks.containsStaffWord(""))
        XCTAssertTrue(StaffBlocks.containsStaffWord("é staff é"))
        XCTAssertFalse(StaffBlocks.containsStaffWord(String(repeating: "off the cuff. ", count: 100)))
    }

    func testOnlyPathsEndingInAPublishableKindMayBeAssets() {
        // The path is what comes before "#": "#x.png" is an anchor on the same page, never a file.
        func plain(_ destination: String) -> Bool {
            let path = destination.split(separator: "#", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let dot = path.lastIndex(of: ".") else { return false }
            return LinkResolver.publishableExtensions.contains(path[path.index(after: dot)...].lowercased())
        }
        for destination in ["images/map.png", "map.PNG", "a.jpeg#x", "doc.pdf", "page.md", "page.md#map.png", "#x.png", "x.pngx",
                            "noextension", "a.b/c", ".svg", "x.avif", "x.webp", "https://example.org/a.gif", "", "#", "a.JpG"] {
            XCTAssertEqual(LinkResolver.mayBeAsset(destination), plain(destination), destination)
        }
    }

    func testASCIISlugsAreWhatFoundationFoldingGives() {
        func folded(_ text: String) -> String {
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
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
        let every = String((32..<127).map { Character(Unicode.Scalar(UInt8($0))) })
        var texts = ["Calling in!", "  Two  words ", "A/B_C-D", "---", "", "Section 1 of page 12", "UPPER lower 123", every]
        texts += every.map { "x\($0)y" }
        for text in texts {
            XCTAssertEqual(Slug.make(text), folded(text), text)
        }
        XCTAssertEqual(Slug.make("¿Qué pasa?"), "que-pasa")
    }
}
