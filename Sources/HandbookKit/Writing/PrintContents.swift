import Foundation

/// The Contents of a print page (`<nav class="print-toc">`), and the copy of the page whose
/// Contents show on which page each chapter starts.
///
/// Only a printed PDF knows where a chapter lands, so the numbers are read from a first print
/// (Chromium writes a named destination, with its page, for every target of a link within the
/// page) and put into a copy as `data-page="N"` on each Contents link; the print template's style
/// shows the attribute. The written `print.html` never holds numbers: it is the same bytes with or
/// without `--pdf`, and in a browser, whose pages break elsewhere, the numbers would be wrong.
struct PrintContents {
    /// The whole print page, as written.
    let html: String
    /// Where the Contents is in `html`: from its `class="print-toc"` to its `</nav>`.
    let range: Range<String.Index>?
    /// The ids the Contents links to (`href="#id"`), in order: the chapters and the
    /// acknowledgment page.
    let targets: [String]

    init(html: String) {
        self.html = html
        range = html.range(of: "class=\"print-toc\"").flatMap { start in
            html.range(of: "</nav>", range: start.upperBound..<html.endIndex).map { start.lowerBound..<$0.upperBound }
        }
        targets = range.map { Self.linkTargets(in: html[$0]) } ?? []
    }

    private static let linkStart = "href=\"#"

    /// Every `href="#id"` in `text`, by id. Ids are heading slugs, which need no unescaping.
    private static func linkTargets(in text: Substring) -> [String] {
        var ids: [String] = []
        var rest = text[...]
        while let found = rest.range(of: linkStart), let end = rest[found.upperBound...].firstIndex(of: "\"") {
            ids.append(String(rest[found.upperBound..<end]))
            rest = rest[end...]
        }
        return ids
    }

    /// The page with each Contents link carrying the page its target starts on; a target without
    /// a page is left as it is. Nothing outside the Contents changes.
    func numbered(_ pages: [String: Int]) -> String {
        guard let range else { return html }
        var contents = ""
        var rest = html[range]
        while let found = rest.range(of: Self.linkStart), let end = rest[found.upperBound...].firstIndex(of: "\"") {
            contents += rest[..<end] + "\""
            if let page = pages[String(rest[found.upperBound..<end])] { contents += " data-page=\"\(page)\"" }
            rest = rest[rest.index(after: end)...]
        }
        contents += rest
        return html[..<range.lowerBound] + contents + html[range.upperBound...]
    }

    /// The page of each of `targets`, from `pdfinfo -dests`, whose lines read
    /// `   3 [ XYZ   11  767 null      ] "welcome"`. A PDF page here is the number the footer
    /// prints (`counter(page)`), since the print template never resets the page counter.
    func startPages(fromDestinations listing: String) -> [String: Int] {
        let wanted = Set(targets)
        var pages: [String: Int] = [:]
        for line in listing.split(separator: "\n") {
            guard let page = Int(line.drop { $0 == " " }.prefix { $0.isNumber }),
                  let close = line.lastIndex(of: "\""), let open = line[..<close].lastIndex(of: "\"") else { continue }
            let name = String(line[line.index(after: open)..<close])
            if wanted.contains(name), pages[name] == nil { pages[name] = page }
        }
        return pages
    }
}
